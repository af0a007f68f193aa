package org.groundgame.endorsement.nomination.domain;

/**
 * An endorsement granted before, as far as deciding on a re-endorsement needs to know.
 */
public record PastEndorsement(String candidateName, String candidateEmail, String office, UsState state, int cycle) {
}
