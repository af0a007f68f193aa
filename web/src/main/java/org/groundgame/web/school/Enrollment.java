package org.groundgame.web.school;

import java.time.Instant;

/**
 * A trainee's enrollment as campaign-training-service shows it to the holder of its key.
 *
 * @param id its id
 * @param cohortId the cohort's id
 * @param status {@code ENROLLED}, {@code WAITLISTED}, {@code OFFERED}, {@code DECLINED},
 * {@code LAPSED}, {@code WITHDRAWN}, {@code GRADUATED}, …
 * @param waitlistPosition the place in line, when waitlisted
 * @param offerExpiresAt until when a seat offered is held
 * @param name the trainee's name, to greet them by
 */
public record Enrollment(String id, String cohortId, String status, Integer waitlistPosition, Instant offerExpiresAt,
		String name) {

	public boolean offered() {
		return "OFFERED".equals(this.status);
	}

	public boolean canWithdraw() {
		return "ENROLLED".equals(this.status) || "WAITLISTED".equals(this.status) || offered();
	}

}
