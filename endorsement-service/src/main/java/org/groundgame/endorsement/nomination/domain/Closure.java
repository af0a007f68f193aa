package org.groundgame.endorsement.nomination.domain;

import java.time.Instant;

import org.groundgame.endorsement.common.domain.Text;

/**
 * How a nomination ended without a decision: withdrawn (with the reason given and by
 * whom) or expired (by nobody).
 */
public record Closure(String reason, String closedBy, Instant closedAt) {

	public Closure {
		reason = Text.optional(reason);
		closedBy = Text.optional(closedBy);
		Text.required(closedAt, "closedAt");
	}

	/** Withdrawn by its nominator or staff, with the reason they gave. */
	public static Closure withdrawn(String reason, String withdrawnBy, Instant withdrawnAt) {
		return new Closure(reason, withdrawnBy, withdrawnAt);
	}

	/** Expired when its election passed: nobody closed it, and no reason was given. */
	public static Closure expiredAt(Instant expiredAt) {
		return new Closure(null, null, expiredAt);
	}

	/** The same closure without the reason given, which may be personal. */
	public Closure withoutReason() {
		return new Closure(null, this.closedBy, this.closedAt);
	}

}
