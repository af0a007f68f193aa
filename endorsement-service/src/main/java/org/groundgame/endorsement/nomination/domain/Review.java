package org.groundgame.endorsement.nomination.domain;

import java.time.Instant;

/** A staff member took up a nomination for review. */
public record Review(String reviewer, Instant startedAt) {

	public Review {
		reviewer = Text.required(reviewer, "reviewer");
		Text.required(startedAt, "startedAt");
	}

}
