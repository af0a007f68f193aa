package org.groundgame.training.cohort;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.groundgame.support.domain.IllegalStateChangeException;

/**
 * One person's application to one cohort, and where it stands.
 *
 * @param email normalized (stripped, lower case): one application per address per cohort
 * @param sequence the arrival order in the cohort, from 1: the waitlist's order
 * @param offerExpiresAt when an open offer lapses ({@code OFFERED} only)
 * @param overrideReason why staff enrolled this trainee out of turn or over capacity
 * @param manageTokenHash the hash of the applicant's manage token (never the token)
 */
record Enrollment(String id, String name, String email, String chapterId, boolean plansToRun, String office,
		List<String> answers, EnrollmentStatus status, long sequence, Instant appliedAt, Instant changedAt,
		Instant offerExpiresAt, String overrideReason, String manageTokenHash) {

	Enrollment {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(status, "status");
		answers = (answers != null) ? List.copyOf(answers) : List.of();
	}

	/**
	 * This enrollment in another status.
	 * @throws IllegalStateChangeException when the status may not become {@code next}
	 */
	Enrollment becomes(EnrollmentStatus next, Instant now, Instant expiresAt, String reason) {
		if (!this.status.mayBecome(next)) {
			throw new IllegalStateChangeException("An enrollment " + this.status + " cannot become " + next,
					this.status.name());
		}
		return new Enrollment(this.id, this.name, this.email, this.chapterId, this.plansToRun, this.office,
				this.answers, next, this.sequence, this.appliedAt, now, expiresAt,
				(reason != null) ? reason : this.overrideReason, this.manageTokenHash);
	}

}
