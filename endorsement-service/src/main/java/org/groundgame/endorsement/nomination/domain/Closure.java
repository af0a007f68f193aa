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

}
