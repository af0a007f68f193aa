package org.groundgame.endorsement.nomination.domain;

import java.time.Instant;

import org.groundgame.endorsement.common.domain.Text;

/** Staff put a review on hold: why, who and when. */
public record Hold(String reason, String heldBy, Instant heldAt) {

	public Hold {
		reason = Text.optional(reason);
		heldBy = Text.optional(heldBy);
		Text.required(heldAt, "heldAt");
	}

	/** The same hold without the reason given, which may be personal. */
	public Hold withoutReason() {
		return new Hold(null, this.heldBy, this.heldAt);
	}

}
