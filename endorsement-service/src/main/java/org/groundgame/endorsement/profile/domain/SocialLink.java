package org.groundgame.endorsement.profile.domain;

/** One of the candidate's social accounts. */
public record SocialLink(SocialKind kind, String url) {

}
