package org.groundgame.training.cohort;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /api/training/cohorts}: what staff give to open a cohort. Track
 * and format are text, so that an unknown value is a field at fault rather than an
 * unreadable body; every rule is the domain's ({@link Cohort#open}), so that one answer
 * names every field at fault.
 */
record CreateCohortRequest(String name, String track, LocalDate startsOn, List<LocalDate> sessions, String format,
		String location, Integer capacity, LocalDate applicationDeadline, Integer offerHours,
		List<String> reflectionQuestions) {

	Cohort.Plan toPlan() {
		return new Cohort.Plan(this.name, this.track, this.startsOn, this.sessions, this.format, this.location,
				this.capacity, this.applicationDeadline, this.offerHours, this.reflectionQuestions);
	}

}
