package org.groundgame.web.console.staff;

import java.time.Instant;
import java.util.List;

/**
 * An endorsement as endorsement-service shows it ({@code GET /api/endorsements/{id}}):
 * the parts staff's pages use.
 */
public record Endorsement(String id, String nominationId, Candidate candidate, Nomination.Race race, int cycle,
		String status, String outcome, boolean reEndorsement, Instant endorsedAt, List<StageOutcome> outcomes,
		String rescindedReason, Instant rescindedAt, Announcement announcement) {

	public Endorsement {
		outcomes = (outcomes != null) ? outcomes : List.of();
	}

	public boolean isActive() {
		return "ACTIVE".equals(this.status);
	}

	/** Whether the candidate won a stage, so that a victory may be announced. */
	public boolean hasWon() {
		return this.outcomes.stream().anyMatch((outcome) -> "WON".equals(outcome.result()));
	}

	/** Whether staff may publish the victory announcement now. */
	public boolean mayBeAnnounced() {
		return isActive() && hasWon() && this.announcement == null;
	}

	/** The candidate's name, or the measure's position ("YES on Amendment 3"). */
	public record Candidate(String name, String website) {
	}

	public record StageOutcome(String stage, String result, Instant recordedAt) {
	}

	/** The victory announcement as published. */
	public record Announcement(String headline, String message, Instant publishedAt) {
	}

}
