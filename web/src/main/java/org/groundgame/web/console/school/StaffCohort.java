package org.groundgame.web.console.school;

import java.time.LocalDate;
import java.util.List;

/**
 * A cohort as campaign-training-service lists it, with what the school's staff need of it
 * (whether it takes applications, whether it is completed).
 *
 * @param endsOn the last session's day
 * @param open whether applications are taken today
 * @param completed whether staff completed it (its roster is final)
 */
public record StaffCohort(String id, String name, String track, LocalDate startsOn, LocalDate endsOn,
		List<LocalDate> sessions, LocalDate applicationDeadline, int capacity, String format, String location,
		int offerHours, List<String> reflectionQuestions, int seatsLeft, int waitlistLength, boolean open,
		boolean completed) {

	public StaffCohort {
		sessions = (sessions != null) ? sessions : List.of();
		reflectionQuestions = (reflectionQuestions != null) ? reflectionQuestions : List.of();
	}

	/**
	 * What the cohort's state is, in a word: {@code open}, {@code closed} or
	 * {@code completed}.
	 */
	public String state() {
		return this.completed ? "completed" : (this.open ? "open" : "closed");
	}

	/** The sessions' numbers (from 1), with their days. */
	public List<Session> numberedSessions() {
		return java.util.stream.IntStream.range(0, this.sessions.size())
			.mapToObj((i) -> new Session(i + 1, this.sessions.get(i)))
			.toList();
	}

	/**
	 * One session of the cohort.
	 *
	 * @param number from 1
	 * @param day when it meets
	 */
	public record Session(int number, LocalDate day) {

	}

}
