package org.groundgame.volunteer.volunteer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.groundgame.events.volunteer.ShiftSummary;

/**
 * What the volunteer feature asks of the shifts' rosters (implemented by the opportunity
 * feature, which owns them): whether a shift takes RSVPs, holding a place on one for a
 * volunteer, giving places up, and a volunteer's own shifts.
 */
public interface VolunteerShifts {

	/**
	 * Checks that a shift takes RSVPs from the public: its opportunity is open, the shift
	 * scheduled and not over.
	 * @throws org.groundgame.support.domain.NotFoundException when unknown or not public
	 * @throws org.groundgame.support.domain.IllegalStateChangeException when cancelled,
	 * over, or its opportunity not open
	 */
	void requireTakingRsvps(String shiftId);

	/**
	 * Holds a place on the shift for the volunteer: a seat if one is left, else a place
	 * in line; a volunteer who has one keeps it (nothing changes).
	 */
	Place hold(String shiftId, String volunteerId, String volunteerChapterId);

	/**
	 * Gives up the places held for the volunteer (those still held and on shifts not
	 * over); the first in line gets each seat freed.
	 * @return how many were given up
	 */
	int release(String volunteerId, List<HeldSignup> places);

	/**
	 * Checks that the caller organizes the shift: staff, or its chapter.
	 * @return the organizing chapter, or {@code null} for staff's own
	 * @throws org.groundgame.support.domain.NotFoundException when unknown
	 * @throws org.springframework.security.access.AccessDeniedException for anyone else
	 */
	String organizerOf(String shiftId, org.groundgame.security.Caller caller);

	/**
	 * Checks that the shift takes walk-ins now: scheduled, and started.
	 * @throws org.groundgame.support.domain.IllegalStateChangeException otherwise
	 */
	void requireTakingWalkIns(String shiftId);

	/**
	 * Checks a volunteer in on the day: a seat (the shift grows by one when full) and
	 * their attendance, at once; again with the same hours, nothing changes.
	 */
	CheckedIn walkIn(String shiftId, String volunteerId, String volunteerChapterId, Double hours);

	/**
	 * A walk-in checked in.
	 *
	 * @param status {@code ATTENDED}
	 * @param recorded whether this call recorded it (else it already was)
	 */
	record CheckedIn(String shiftId, String signupId, String volunteerId, String status, Double hours,
			boolean recorded) {
	}

	/** Every signup of the volunteer, with its shift. */
	List<Booking> of(String volunteerId);

	/**
	 * A place on a shift, as {@link #hold} left it.
	 *
	 * @param status {@code REGISTERED} or {@code WAITLISTED} (or what the volunteer had:
	 * {@code CONFIRMED}, …, when {@code created} is false)
	 * @param waitlistPosition the place in line from 1, when waitlisted
	 * @param created whether the place is new (or renewed after a cancellation)
	 * @param offered what the shift offered a new RSVP at that moment ({@code REGISTERED}
	 * with a seat left, else {@code WAITLISTED}) and {@code offeredPosition} the place in
	 * line it would have had: the public answer, which must be the same whoever's address
	 * was typed
	 */
	record Place(String shiftId, String signupId, String status, Integer waitlistPosition, boolean created,
			String offered, Integer offeredPosition, ShiftSummary shift) {
	}

	/**
	 * A volunteer's signup and its shift, for their own page.
	 *
	 * @param status the signup's: {@code REGISTERED}, {@code WAITLISTED},
	 * {@code CONFIRMED}, {@code CANCELLED}, {@code ATTENDED}, {@code NO_SHOW}
	 * @param shiftStatus {@code SCHEDULED} or {@code CANCELLED}
	 * @param cancellable whether the volunteer may still cancel it
	 * @param confirmable whether they may still say "I'll be there"
	 */
	record Booking(String signupId, String shiftId, String opportunityId, String title, String type, String state,
			String location, String virtualLink, Instant startsAt, Instant endsAt, String status,
			Integer waitlistPosition, String shiftStatus, boolean cancellable, boolean confirmable, Double hours) {
	}

	/**
	 * A place on a shift held for a volunteer by a request not yet confirmed from their
	 * mailbox: what declining the request gives up.
	 */
	record HeldSignup(String shiftId, String signupId) {

		public HeldSignup {
			Objects.requireNonNull(shiftId, "shiftId");
			Objects.requireNonNull(signupId, "signupId");
		}

	}

}
