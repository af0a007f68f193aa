package org.groundgame.endorsement.nomination.domain;

import java.time.Instant;

/** What staff decided about a nomination, why, and when. */
public record StaffDecision(Decision decision, String reason, Instant decidedAt) {

	public StaffDecision {
		Text.required(decision, "decision");
		reason = Text.optional(reason);
		Text.required(decidedAt, "decidedAt");
	}

}
