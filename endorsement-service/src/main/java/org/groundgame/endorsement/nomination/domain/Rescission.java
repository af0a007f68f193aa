package org.groundgame.endorsement.nomination.domain;

import java.time.Instant;

import org.groundgame.endorsement.common.domain.Text;

/** Staff withdrew an endorsement: why (public), who and when. */
public record Rescission(String reason, String rescindedBy, Instant rescindedAt) {

	public Rescission {
		reason = Text.required(reason, "reason");
		rescindedBy = Text.optional(rescindedBy);
		Text.required(rescindedAt, "rescindedAt");
	}

}
