package org.groundgame.training.cohort;

import java.time.LocalDate;
import java.util.Objects;

import org.groundgame.support.domain.InvalidInputException;

/**
 * A cohort of the Campaign Leadership School: a class of trainees on one track, starting
 * on a date, with a fixed number of seats and a waitlist for everyone beyond them.
 * <p>
 * Seats and waitlist are kept as counts for now. Applications, seat offers and
 * withdrawals (a later issue) live in this aggregate, so that a seat is given or freed in
 * the same single-document write that records why, and these counts become what its
 * enrollments add up to.
 *
 * @param seatsTaken seats held by enrolled trainees and by open offers
 * @param waitlistLength trainees waiting for a seat
 */
record Cohort(String id, String name, String track, LocalDate startsOn, int capacity, CohortFormat format,
		String location, int seatsTaken, int waitlistLength) {

	Cohort {
		Objects.requireNonNull(id, "id");
		requireText("name", name);
		requireText("track", track);
		requireText("location", location);
		if (startsOn == null) {
			throw new InvalidInputException("startsOn", "must not be null");
		}
		if (format == null) {
			throw new InvalidInputException("format", "must not be null");
		}
		if (capacity < 1) {
			throw new InvalidInputException("capacity", "must be at least 1");
		}
		if (seatsTaken < 0 || seatsTaken > capacity) {
			throw new IllegalArgumentException(
					"A cohort of " + capacity + " seats cannot have " + seatsTaken + " of them taken");
		}
		if (waitlistLength < 0) {
			throw new IllegalArgumentException("A waitlist cannot be " + waitlistLength + " long");
		}
	}

	/** Seats nobody holds or has been offered. */
	int seatsLeft() {
		return this.capacity - this.seatsTaken;
	}

	private static void requireText(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "must not be blank");
		}
	}

}
