package org.groundgame.endorsement.profile.domain;

/** Where a candidate's social link points, so that pages can label it. */
public enum SocialKind {

	FACEBOOK, INSTAGRAM, X, BLUESKY, THREADS, MASTODON, TIKTOK, YOUTUBE, LINKEDIN, OTHER

}
