package org.groundgame.training.cohort;

import java.time.LocalDate;

/** A cohort as the public sees it: what it is and how many seats are left. */
record CohortResponse(String id, String name, String track, LocalDate startsOn, int capacity, CohortFormat format,
		String location, int seatsLeft, int waitlistLength) {

	static CohortResponse of(Cohort cohort) {
		return new CohortResponse(cohort.id(), cohort.name(), cohort.track(), cohort.startsOn(), cohort.capacity(),
				cohort.format(), cohort.location(), cohort.seatsLeft(), cohort.waitlistLength());
	}

}
