package org.groundgame.training.cohort;

import java.time.LocalDate;
import java.util.List;

/**
 * A cohort as the public sees it: what it is, when and where it meets, how many seats are
 * left and how many wait, and whether it takes applications. Nothing of any trainee.
 *
 * @param endsOn the day of the last session
 * @param open whether applications are taken today (UTC): the deadline has not passed and
 * the cohort is not completed
 * @param completed whether staff completed the cohort (its roster is final)
 */
record CohortResponse(String id, String name, Track track, LocalDate startsOn, LocalDate endsOn,
		List<LocalDate> sessions, LocalDate applicationDeadline, int capacity, CohortFormat format, String location,
		int offerHours, List<String> reflectionQuestions, int seatsLeft, int waitlistLength, boolean open,
		boolean completed) {

	static CohortResponse of(Cohort cohort, LocalDate today) {
		return new CohortResponse(cohort.id(), cohort.name(), cohort.track(), cohort.startsOn(), cohort.endsOn(),
				cohort.sessions(), cohort.applicationDeadline(), cohort.capacity(), cohort.format(), cohort.location(),
				cohort.offerHours(), cohort.reflectionQuestions(), cohort.seatsLeft(), cohort.waitlistLength(),
				cohort.takesApplications(today), cohort.isCompleted());
	}

}
