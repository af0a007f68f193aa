package org.groundgame.web.volunteers;

import java.time.Instant;
import java.util.List;

/**
 * A volunteer's own shifts as volunteer-service shows them to the holder of their key.
 *
 * @param firstName the name to greet them by
 * @param calendarUrl their personal calendar feed
 * @param upcoming the shifts ahead
 * @param past the shifts behind
 */
public record MyShifts(String firstName, String calendarUrl, List<Signup> upcoming, List<Signup> past) {

	public MyShifts {
		upcoming = (upcoming != null) ? upcoming : List.of();
		past = (past != null) ? past : List.of();
	}

	/**
	 * One signup.
	 *
	 * @param signupId the signup's id
	 * @param shiftId the shift's id
	 * @param opportunityId the opportunity's id
	 * @param title the opportunity's title
	 * @param type its kind
	 * @param location where
	 * @param startsAt when the shift starts
	 * @param endsAt when it ends
	 * @param status {@code REGISTERED}, {@code CONFIRMED}, {@code WAITLISTED}, …
	 * @param waitlistPosition the place in line, when waitlisted
	 * @param cancellable whether it can still be cancelled
	 * @param confirmable whether the volunteer can confirm they will come
	 * @param virtualLink where online, if it is
	 * @param shiftStatus {@code SCHEDULED} or {@code CANCELLED}
	 * @param hours the hours recorded, once attended
	 */
	public record Signup(String signupId, String shiftId, String opportunityId, String title, String type,
			String location, Instant startsAt, Instant endsAt, String status, Integer waitlistPosition,
			boolean cancellable, boolean confirmable, String virtualLink, String shiftStatus, Double hours) {

		public boolean waitlisted() {
			return "WAITLISTED".equals(this.status);
		}

	}

}
