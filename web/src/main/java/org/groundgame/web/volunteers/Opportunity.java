package org.groundgame.web.volunteers;

import java.time.Instant;
import java.util.List;

/**
 * A volunteer opportunity as the public API shows it, with its shifts.
 *
 * @param id its id
 * @param title its title
 * @param description what volunteers will do
 * @param type {@code PHONE_BANK}, {@code CANVASS}, …
 * @param status {@code OPEN}, …
 * @param state the two-letter state code
 * @param chapterId the organizing chapter
 * @param endorsementId the endorsed race it serves, if any
 * @param location where
 * @param virtualLink where online, if it is
 * @param shifts its shifts
 */
public record Opportunity(String id, String title, String description, String type, String status, String state,
		String chapterId, String endorsementId, String location, String virtualLink, List<Shift> shifts) {

	public Opportunity {
		shifts = (shifts != null) ? shifts : List.of();
	}

	/** When the first of its shifts starts, or none. */
	public Instant firstStart() {
		return this.shifts.stream().map(Shift::startsAt).min(Instant::compareTo).orElse(null);
	}

	/**
	 * A shift, with its seats left and its waitlist.
	 *
	 * @param id its id
	 * @param startsAt when it starts
	 * @param endsAt when it ends
	 * @param capacity how many seats
	 * @param status {@code SCHEDULED}, {@code CANCELLED}, …
	 * @param seatsLeft seats still free
	 * @param waitlistLength how many wait for a seat
	 */
	public record Shift(String id, Instant startsAt, Instant endsAt, int capacity, String status, int seatsLeft,
			int waitlistLength) {

		public boolean isFull() {
			return this.seatsLeft <= 0;
		}

	}

}
