package org.groundgame.training.cohort;

import java.time.LocalDate;
import java.util.List;

/** A cohort as the public sees it: what it is and how many seats are left. */
record CohortResponse(String id, String name, Track track, LocalDate startsOn, List<LocalDate> sessions,
		LocalDate applicationDeadline, int capacity, CohortFormat format, String location, int offerHours,
		List<String> reflectionQuestions, int seatsLeft, int waitlistLength) {

	static CohortResponse of(Cohort cohort) {
		return new CohortResponse(cohort.id(), cohort.name(), cohort.track(), cohort.startsOn(), cohort.sessions(),
				cohort.applicationDeadline(), cohort.capacity(), cohort.format(), cohort.location(),
				cohort.offerHours(), cohort.reflectionQuestions(), cohort.seatsLeft(), cohort.waitlistLength());
	}

}
