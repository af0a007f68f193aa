package org.groundgame.volunteer.opportunity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.groundgame.security.Caller;
import org.groundgame.volunteer.volunteer.VolunteerShifts;

import org.springframework.stereotype.Component;

/**
 * The shifts' rosters as the volunteer feature needs them: the one-step RSVP holds a
 * place (through {@link ShiftService}, under its lock per shift, so concurrent RSVPs
 * queue in arrival order), a declined request gives its places up, and a volunteer's own
 * page lists their signups.
 */
@Component
class RosterShifts implements VolunteerShifts {

	private final ShiftService shifts;

	private final ShiftStore store;

	private final Clock clock;

	RosterShifts(ShiftService shifts, ShiftStore store, Clock clock) {
		this.shifts = shifts;
		this.store = store;
		this.clock = clock;
	}

	@Override
	public void requireTakingRsvps(String shiftId) {
		this.shifts.requireTakingRsvps(shiftId);
	}

	/**
	 * Holds the place, and says what the shift offered: the place itself when it is new;
	 * for a volunteer who already had one, what a new RSVP got at that moment (a seat if
	 * one is left, else the next place in line), so that the public answer tells nothing
	 * of the volunteer.
	 */
	@Override
	public Place hold(String shiftId, String volunteerId, String volunteerChapterId) {
		ShiftService.Rsvp rsvp = this.shifts.hold(shiftId, volunteerId, volunteerChapterId);
		Shift shift = rsvp.shift();
		Shift.Signup signup = rsvp.signup();
		Integer position = shift.waitlistPosition(signup.id());
		String offered;
		Integer offeredPosition;
		if (rsvp.created()) {
			offered = signup.status().name();
			offeredPosition = position;
		}
		else if (shift.seatsLeft() > 0) {
			offered = SignupStatus.REGISTERED.name();
			offeredPosition = null;
		}
		else {
			offered = SignupStatus.WAITLISTED.name();
			offeredPosition = shift.waitlistLength() + 1;
		}
		return new Place(shift.id(), signup.id(), signup.status().name(), position, rsvp.created(), offered,
				offeredPosition, shift.summary());
	}

	@Override
	public String organizerOf(String shiftId, Caller caller) {
		return this.shifts.requireWalkInAccess(shiftId, caller);
	}

	@Override
	public void requireTakingWalkIns(String shiftId) {
		this.shifts.requireTakingWalkIns(shiftId);
	}

	@Override
	public CheckedIn walkIn(String shiftId, String volunteerId, String volunteerChapterId, Double hours) {
		Shift.Change change = this.shifts.walkIn(shiftId, volunteerId, volunteerChapterId, hours);
		Shift.Signup signup = change.signup();
		return new CheckedIn(shiftId, signup.id(), volunteerId, signup.status().name(), signup.hours(),
				change.changed());
	}

	@Override
	public int release(String volunteerId, List<HeldSignup> places) {
		return this.shifts.giveUp(volunteerId, places);
	}

	/** Through the index on {@code signups.volunteerId}. */
	@Override
	public List<Booking> of(String volunteerId) {
		Instant now = this.clock.instant();
		List<Booking> bookings = new ArrayList<>();
		for (ShiftDocument document : this.store.signedUp(volunteerId)) {
			Shift shift = document.toShift();
			shift.signupOf(volunteerId).ifPresent((signup) -> bookings.add(booking(shift, signup, now)));
		}
		return bookings;
	}

	private static Booking booking(Shift shift, Shift.Signup signup, Instant now) {
		boolean takingPlace = shift.status() == ShiftStatus.SCHEDULED && now.isBefore(shift.endsAt());
		return new Booking(signup.id(), shift.id(), shift.opportunityId(), shift.title(), shift.type().name(),
				shift.state().code(), shift.location(), shift.virtualLink(), shift.startsAt(), shift.endsAt(),
				signup.status().name(), shift.waitlistPosition(signup.id()), shift.status().name(),
				takingPlace && SignupStatus.CANCELLABLE.contains(signup.status()),
				takingPlace && signup.status() == SignupStatus.REGISTERED, signup.hours());
	}

}
