package org.groundgame.web.school;

import java.time.LocalDate;
import java.util.List;

/**
 * A cohort of the Campaign Leadership School as the public API shows it.
 *
 * @param id its id
 * @param name its name
 * @param track {@code CANDIDATE}, {@code CAMPAIGN_STAFF} or {@code ORGANIZER}
 * @param startsOn its first day
 * @param sessions the days it meets
 * @param applicationDeadline the last day to apply
 * @param capacity how many seats
 * @param format {@code IN_PERSON}, {@code ONLINE} or {@code HYBRID}
 * @param location where
 * @param offerHours how long a seat offered is held
 * @param reflectionQuestions what applicants are asked
 * @param seatsLeft seats still free
 * @param waitlistLength how many wait for a seat
 */
public record Cohort(String id, String name, String track, LocalDate startsOn, List<LocalDate> sessions,
		LocalDate applicationDeadline, int capacity, String format, String location, int offerHours,
		List<String> reflectionQuestions, int seatsLeft, int waitlistLength) {

	public Cohort {
		sessions = (sessions != null) ? sessions : List.of();
		reflectionQuestions = (reflectionQuestions != null) ? reflectionQuestions : List.of();
	}

	public boolean isFull() {
		return this.seatsLeft <= 0;
	}

	/**
	 * @param today the day it is
	 * @return whether applications are still taken
	 */
	public boolean openOn(LocalDate today) {
		return this.applicationDeadline == null || !today.isAfter(this.applicationDeadline);
	}

}
