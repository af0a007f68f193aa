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
 * @param offerTokenHash the hash of the token in the link of the latest seat offer, which
 * works as a manage token too
 */
record Enrollment(String id, String name, String email, String chapterId, boolean plansToRun, String office,
		List<String> answers, EnrollmentStatus status, long sequence, Instant appliedAt, Instant changedAt,
		Instant offerExpiresAt, String overrideReason, String manageTokenHash, String offerTokenHash) {

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
				(reason != null) ? reason : this.overrideReason, this.manageTokenHash, this.offerTokenHash);
	}

	/** This enrollment offered a seat until then, by a link holding this token's hash. */
	Enrollment offered(Instant now, Instant expiresAt, String tokenHash) {
		Enrollment offered = becomes(EnrollmentStatus.OFFERED, now, expiresAt, null);
		return new Enrollment(offered.id, offered.name, offered.email, offered.chapterId, offered.plansToRun,
				offered.office, offered.answers, offered.status, offered.sequence, offered.appliedAt, offered.changedAt,
				offered.offerExpiresAt, offered.overrideReason, offered.manageTokenHash, tokenHash);
	}

}
