package org.groundgame.training.cohort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.groundgame.events.EmailKeys;

import org.springframework.stereotype.Component;

/**
 * The school's graduates, for the candidate pipeline (the {@code pipeline} package): who
 * completed which cohort, with what the pipeline needs to recognise them among nominees.
 */
@Component
public class Graduates {

	private final CohortStore store;

	Graduates(CohortStore store) {
		this.store = store;
	}

	/**
	 * A graduate by enrollment; empty when there is no such enrollment or it did not
	 * complete its cohort.
	 */
	public Optional<Graduate> graduate(String enrollmentId) {
		return this.store.cohortOfEnrollment(enrollmentId).map(CohortDocument::toCohort).flatMap((cohort) -> {
			Enrollment enrollment = cohort.enrollment(enrollmentId);
			if (enrollment.status() != EnrollmentStatus.COMPLETED) {
				return Optional.empty();
			}
			return Optional.of(new Graduate(enrollment.id(), cohort.id(), cohort.name(), cohort.track().name(),
					cohort.startsOn(), cohort.completedAt(), enrollment.chapterId(), enrollment.state(),
					enrollment.name(), EmailKeys.of(enrollment.email())));
		});
	}

	/**
	 * The names of the graduates of some cohorts, by enrollment id, for the school's
	 * staff to see who is behind the pipeline's counts; an erased graduate has none.
	 * @param cohortIds the cohorts
	 * @return enrollment id to name, for every enrollment that completed its cohort
	 */
	public Map<String, String> names(Collection<String> cohortIds) {
		Map<String, String> names = new HashMap<>();
		this.store.cohorts(cohortIds)
			.stream()
			.map(CohortDocument::toCohort)
			.flatMap((cohort) -> cohort.enrollments().stream())
			.filter((enrollment) -> enrollment.status() == EnrollmentStatus.COMPLETED && enrollment.name() != null)
			.forEach((enrollment) -> names.put(enrollment.id(), enrollment.name()));
		return names;
	}

	/**
	 * A trainee who completed a cohort.
	 *
	 * @param track {@code CANDIDATE}, {@code CAMPAIGN_MANAGER} or {@code ORGANIZER}
	 * @param startsOn the cohort's first session
	 * @param completedAt when staff completed the cohort
	 * @param state the state the trainee gave, or {@code null}
	 * @param name the trainee's name; {@code null} once erased (personal data)
	 * @param emailKey the trainee's address as an {@link EmailKeys e-mail key};
	 * {@code null} once erased (personal data)
	 */
	public record Graduate(String enrollmentId, String cohortId, String cohortName, String track, LocalDate startsOn,
			Instant completedAt, String chapterId, String state, String name, String emailKey) {

		@Override
		public String toString() {
			return "Graduate[enrollmentId=" + this.enrollmentId + ", cohortId=" + this.cohortId + "]";
		}

	}

}
