package org.groundgame.endorsement.nomination.domain;

import java.time.Instant;

import org.groundgame.endorsement.common.domain.Text;

/**
 * A staff member took up a nomination for review.
 *
 * @param reviewer the name the staff member gave
 * @param reviewerSubject who the staff member's token says they are (a client id or a
 * user name); {@code null} for reviews recorded before tokens
 * @param startedAt when
 */
public record Review(String reviewer, String reviewerSubject, Instant startedAt) {

	public Review {
		reviewer = Text.required(reviewer, "reviewer");
		reviewerSubject = Text.optional(reviewerSubject);
		Text.required(startedAt, "startedAt");
	}

}
