package org.groundgame.training.cohort;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An enrollment as its trainee (or staff) sees it.
 *
 * @param waitlistPosition the place in line, from 1, while {@code WAITLISTED}
 * @param offerExpiresAt until when an offered seat may be accepted, while {@code OFFERED}
 * @param attended the sessions (from 1) the trainee was recorded present at
 * @param erasedAt when the person's data was erased; name, address and answers are gone
 * @param language what the trainee is written to in, {@code en} or {@code es}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EnrollmentResponse(String id, String cohortId, EnrollmentStatus status, Integer waitlistPosition,
		Instant offerExpiresAt, String name, String email, String state, String chapterId, boolean plansToRun,
		String office, List<String> answers, Instant appliedAt, String overrideReason, List<Integer> attended,
		Instant erasedAt, String language) {

	static EnrollmentResponse of(Cohort cohort, Enrollment enrollment) {
		return new EnrollmentResponse(enrollment.id(), cohort.id(), enrollment.status(),
				cohort.positionOf(enrollment.id()), enrollment.offerExpiresAt(), enrollment.name(), enrollment.email(),
				enrollment.state(), enrollment.chapterId(), enrollment.plansToRun(), enrollment.office(),
				enrollment.isErased() ? null : enrollment.answers(), enrollment.appliedAt(),
				enrollment.overrideReason(), List.copyOf(enrollment.attended()), enrollment.erasedAt(),
				enrollment.language().code());
	}

	static EnrollmentResponse of(CohortService.Viewed viewed) {
		return of(viewed.cohort(), viewed.enrollment());
	}

	/**
	 * What the trainee's chapter sees on the roster: who and where they stand, not their
	 * address or their answers to the school.
	 */
	EnrollmentResponse forChapter() {
		return new EnrollmentResponse(this.id, this.cohortId, this.status, this.waitlistPosition, this.offerExpiresAt,
				this.name, null, this.state, this.chapterId, this.plansToRun, this.office, null, this.appliedAt, null,
				this.attended, this.erasedAt, this.language);
	}

}
