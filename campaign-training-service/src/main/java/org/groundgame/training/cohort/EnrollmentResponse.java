package org.groundgame.training.cohort;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An enrollment as its trainee (or staff) sees it.
 *
 * @param waitlistPosition the place in line, from 1, while {@code WAITLISTED}
 * @param offerExpiresAt until when an offered seat may be accepted, while {@code OFFERED}
 * @param manageToken the private token to see and change it, in the answer that created
 * it only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EnrollmentResponse(String id, String cohortId, EnrollmentStatus status, Integer waitlistPosition,
		Instant offerExpiresAt, String name, String email, String chapterId, boolean plansToRun, String office,
		List<String> answers, Instant appliedAt, String overrideReason, String manageToken) {

	static EnrollmentResponse of(Cohort cohort, Enrollment enrollment, String manageToken) {
		return new EnrollmentResponse(enrollment.id(), cohort.id(), enrollment.status(),
				cohort.positionOf(enrollment.id()), enrollment.offerExpiresAt(), enrollment.name(), enrollment.email(),
				enrollment.chapterId(), enrollment.plansToRun(), enrollment.office(), enrollment.answers(),
				enrollment.appliedAt(), enrollment.overrideReason(), manageToken);
	}

	static EnrollmentResponse of(CohortService.Viewed viewed) {
		return of(viewed.cohort(), viewed.enrollment(), null);
	}

}
