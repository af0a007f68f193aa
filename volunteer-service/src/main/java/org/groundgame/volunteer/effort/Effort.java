package org.groundgame.volunteer.effort;

import java.util.HashSet;
import java.util.Set;

/**
 * The volunteer work put into shifts: how many shifts (not cancelled) and their seats,
 * the seats filled (signups holding one: registered, confirmed, attended or a no-show),
 * and what the organizers recorded after them (attended, no-shows, hours). Which
 * volunteers attended is kept so that sums over types or chapters count each volunteer
 * once.
 *
 * @param volunteers the ids of the volunteers who attended (an erased volunteer's signup
 * keeps no id and counts in {@code attended} only)
 */
record Effort(int shifts, int seats, int seatsFilled, int attended, int noShows, double hours, Set<String> volunteers) {

	static final Effort NONE = new Effort(0, 0, 0, 0, 0, 0, Set.of());

	Effort {
		volunteers = Set.copyOf(volunteers);
	}

	/** Shifts (not cancelled) with their seats, nobody on them counted yet. */
	static Effort shifts(int shifts, int seats) {
		return new Effort(shifts, seats, 0, 0, 0, 0, Set.of());
	}

	/** Signups holding a seat without anything recorded yet (registered, confirmed). */
	static Effort seated(int signups) {
		return new Effort(0, 0, signups, 0, 0, 0, Set.of());
	}

	/** Signups recorded as attended, with their hours and volunteers. */
	static Effort attended(int signups, double hours, Set<String> volunteers) {
		return new Effort(0, 0, signups, signups, 0, hours, volunteers);
	}

	/** Signups recorded as no-shows: they held a seat. */
	static Effort noShows(int signups) {
		return new Effort(0, 0, signups, 0, signups, 0, Set.of());
	}

	/** This effort and another together; a volunteer in both counts once. */
	Effort plus(Effort other) {
		Set<String> together = new HashSet<>(this.volunteers);
		together.addAll(other.volunteers);
		return new Effort(this.shifts + other.shifts, this.seats + other.seats, this.seatsFilled + other.seatsFilled,
				this.attended + other.attended, this.noShows + other.noShows, this.hours + other.hours, together);
	}

	@Override
	public String toString() {
		return "Effort[shifts=" + this.shifts + ", seatsFilled=" + this.seatsFilled + ", hours=" + this.hours + "]";
	}

}
