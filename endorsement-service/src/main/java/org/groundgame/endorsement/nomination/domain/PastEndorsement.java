package org.groundgame.endorsement.nomination.domain;

import org.groundgame.support.geography.UsState;

/**
 * An endorsement granted before, as far as deciding on a re-endorsement needs to know.
 */
public record PastEndorsement(String candidateName, String candidateEmail, String office, UsState state, int cycle) {
}
