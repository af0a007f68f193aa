package org.groundgame.training.cohort;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * One person's applications to the school, for the leadership ladder (the {@code ladder}
 * package): which cohorts they applied to and where each application stands. Found by the
 * address they applied with; answers neither the address nor their answers.
 */
@Component
public class Trainees {

	private final CohortStore store;

	Trainees(CohortStore store) {
		this.store = store;
	}

	/**
	 * @param email an address, in any case and with spaces around
	 * @return the enrollments made with it, oldest cohort first; none for an address that
	 * never applied or was erased
	 */
	public List<TraineeEnrollment> enrollmentsOf(String email) {
		String address = Cohort.normalizeEmail(email);
		if (address == null || address.isBlank()) {
			return List.of();
		}
		return this.store.cohortsOfAddress(address)
			.stream()
			.map(CohortDocument::toCohort)
			.flatMap((cohort) -> cohort.enrollmentOf(address)
				.map((enrollment) -> new TraineeEnrollment(enrollment.id(), cohort.id(), cohort.name(),
						cohort.track().name(), cohort.startsOn(), enrollment.status().name(), enrollment.chapterId()))
				.stream())
			.sorted(Comparator.comparing(TraineeEnrollment::startsOn).thenComparing(TraineeEnrollment::cohortId))
			.toList();
	}

	/**
	 * An application to a cohort.
	 *
	 * @param track {@code CANDIDATE}, {@code CAMPAIGN_MANAGER} or {@code ORGANIZER}
	 * @param status where it stands: {@code ENROLLED}, {@code WAITLISTED},
	 * {@code OFFERED}, {@code DECLINED}, {@code EXPIRED}, {@code WITHDRAWN},
	 * {@code COMPLETED} or {@code DID_NOT_COMPLETE}
	 * @param chapterId the chapter named in the application, or {@code null}
	 */
	public record TraineeEnrollment(String enrollmentId, String cohortId, String cohortName, String track,
			LocalDate startsOn, String status, String chapterId) {
	}

}
