package org.groundgame.endorsement.nomination.domain;

import java.time.Instant;

import org.groundgame.endorsement.common.domain.Text;

/**
 * What staff decided about a nomination, why, who and when.
 *
 * @param decidedBy who the deciding staff member's token said they were; {@code null} for
 * decisions recorded before that was kept
 */
public record StaffDecision(Decision decision, String reason, Instant decidedAt, String decidedBy) {

	public StaffDecision {
		Text.required(decision, "decision");
		reason = Text.optional(reason);
		Text.required(decidedAt, "decidedAt");
		decidedBy = Text.optional(decidedBy);
	}

	public StaffDecision(Decision decision, String reason, Instant decidedAt) {
		this(decision, reason, decidedAt, null);
	}

	/** The same decision without the reason given, which may be personal. */
	public StaffDecision withoutReason() {
		return new StaffDecision(this.decision, null, this.decidedAt, this.decidedBy);
	}

}
