package org.groundgame.web.console.staff;

import java.time.Instant;
import java.util.List;

/**
 * An endorsement as endorsement-service shows it ({@code GET /api/endorsements/{id}}):
 * the parts staff's pages use.
 */
public record Endorsement(String id, String nominationId, Candidate candidate, Nomination.Race race, int cycle,
		String status, String outcome, boolean reEndorsement, Instant endorsedAt, List<StageOutcome> outcomes,
		String rescindedReason, Instant rescindedAt) {

	public Endorsement {
		outcomes = (outcomes != null) ? outcomes : List.of();
	}

	public boolean isActive() {
		return "ACTIVE".equals(this.status);
	}

	/** The candidate's name, or the measure's position ("YES on Amendment 3"). */
	public record Candidate(String name, String website) {
	}

	public record StageOutcome(String stage, String result, Instant recordedAt) {
	}

}
