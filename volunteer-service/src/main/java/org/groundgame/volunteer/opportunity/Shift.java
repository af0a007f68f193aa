package org.groundgame.volunteer.opportunity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.volunteer.AttendanceRecorded;
import org.groundgame.events.volunteer.ShiftCancelled;
import org.groundgame.events.volunteer.ShiftReminderDue;
import org.groundgame.events.volunteer.ShiftRescheduled;
import org.groundgame.events.volunteer.ShiftScheduled;
import org.groundgame.events.volunteer.ShiftSignupCancelled;
import org.groundgame.events.volunteer.ShiftSignupConfirmed;
import org.groundgame.events.volunteer.ShiftSignupPromoted;
import org.groundgame.events.volunteer.ShiftSummary;
import org.groundgame.events.volunteer.ShiftWaitlisted;
import org.groundgame.support.domain.FieldProblems;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.support.geography.UsState;

/**
 * One shift of an opportunity, with its roster: the volunteers' signups in the order they
 * arrived ({@code sequence}). Seats are the signups {@code REGISTERED},
 * {@code CONFIRMED}, {@code ATTENDED} or {@code NO_SHOW}; never more than the capacity.
 * Who comes when the shift is full waits in line, and a seat that frees up goes at once
 * to the first in line: nobody promotes anyone by hand.
 * <p>
 * Every change returns the shift as changed with the events it caused; the shift itself
 * never changes.
 *
 * @param title the opportunity's, copied (it never changes)
 * @param location where to meet: the shift's own, else the opportunity's
 * @param virtualLink where to join online: the shift's own, else the opportunity's
 * @param nextSequence the arrival number the next signup gets
 */
record Shift(String id, String opportunityId, String title, OpportunityType type, UsState state, String chapterId,
		String endorsementId, String raceId, Instant startsAt, Instant endsAt, String location, String virtualLink,
		int capacity, ShiftStatus status, List<Signup> signups, long nextSequence) {

	static final int MAX_CAPACITY = 10_000;

	static final Duration MAX_LENGTH = Duration.ofHours(24);

	static final double MAX_HOURS = 24;

	static final int MAX_REASON = 1000;

	Shift {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(startsAt, "startsAt");
		Objects.requireNonNull(endsAt, "endsAt");
		Objects.requireNonNull(status, "status");
		signups = List.copyOf(signups);
	}

	/**
	 * Checks a planned shift, adding what is at fault to the problems.
	 * @param prefix the fields' path, e.g. {@code shifts[2].}
	 */
	static void check(Plan plan, String prefix, String opportunityLocation, String opportunityVirtualLink, Instant now,
			FieldProblems problems) {
		if (plan == null) {
			problems.add(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1), "is required");
			return;
		}
		Instant startsAt = time(prefix + "startsAt", plan.startsAt(), problems);
		Instant endsAt = time(prefix + "endsAt", plan.endsAt(), problems);
		if (startsAt != null && endsAt != null) {
			if (!endsAt.isAfter(startsAt)) {
				problems.add(prefix + "endsAt", "must be after startsAt");
			}
			else if (Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
				problems.add(prefix + "endsAt", "must be at most 24 hours after startsAt");
			}
			else if (!endsAt.isAfter(now)) {
				problems.add(prefix + "endsAt", "must be in the future");
			}
		}
		if (plan.capacity() == null) {
			problems.add(prefix + "capacity", "is required");
		}
		else if (plan.capacity() < 1 || plan.capacity() > MAX_CAPACITY) {
			problems.add(prefix + "capacity", "must be between 1 and " + MAX_CAPACITY);
		}
		String location = problems.optional(prefix + "location", plan.location(), Opportunity.MAX_LOCATION);
		String link = problems.httpsUrl(prefix + "virtualLink", plan.virtualLink());
		if (location == null && link == null && opportunityLocation == null && opportunityVirtualLink == null) {
			problems.add(prefix + "location",
					"a location or a virtual link is needed (the shift's or the opportunity's)");
		}
	}

	/** A new shift of the opportunity, from a plan already checked ({@link #check}). */
	static Scheduled schedule(Opportunity opportunity, Plan plan, Clock clock) {
		Instant now = Opportunity.now(clock);
		String location = blankToNull(plan.location());
		String link = blankToNull(plan.virtualLink());
		boolean own = location != null || link != null;
		Shift shift = new Shift(UUID.randomUUID().toString(), opportunity.id(), opportunity.title(), opportunity.type(),
				opportunity.state(), opportunity.chapterId(), opportunity.endorsementId(), opportunity.raceId(),
				Instant.parse(plan.startsAt().strip()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
				Instant.parse(plan.endsAt().strip()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
				own ? location : opportunity.location(), own ? link : opportunity.virtualLink(), plan.capacity(),
				ShiftStatus.SCHEDULED, List.of(), 1);
		return new Scheduled(shift,
				new ShiftScheduled(UUID.randomUUID().toString(), now, shift.id, shift.summary(), shift.capacity));
	}

	/**
	 * A volunteer RSVPs: a seat if one is left, else a place in line. Repeating it
	 * changes nothing and answers the signup they have; after a cancellation they get a
	 * fresh place at the end of the line (same signup).
	 * @param opportunityOpen whether the shift's opportunity is open to volunteers
	 * @param manageTokenHash the hash of the token handed to the volunteer with a new
	 * signup
	 * @throws IllegalStateChangeException when the shift was cancelled, is over, or its
	 * opportunity is not open
	 */
	Change rsvp(String volunteerId, String volunteerChapterId, String manageTokenHash, boolean opportunityOpen,
			Instant now) {
		requireTakingPlace(now);
		if (!opportunityOpen) {
			throw new IllegalStateChangeException("The opportunity is not open to volunteers", "NOT_OPEN");
		}
		Optional<Signup> existing = signupOf(volunteerId);
		if (existing.isPresent() && existing.get().status() != SignupStatus.CANCELLED) {
			return new Change(this, existing.get(), List.of(), false);
		}
		boolean seat = seatsLeft() > 0;
		Signup signup = Signup.rsvp(existing.map(Signup::id).orElseGet(() -> UUID.randomUUID().toString()), volunteerId,
				volunteerChapterId, seat, this.nextSequence, manageTokenHash, now);
		Shift changed = withSignup(signup).withNextSequence(this.nextSequence + 1);
		DomainEvent event = seat
				? new ShiftSignupConfirmed(UUID.randomUUID().toString(), now, this.id, signup.id(), volunteerId,
						summary())
				: new ShiftWaitlisted(UUID.randomUUID().toString(), now, this.id, signup.id(), volunteerId,
						changed.waitlistPosition(signup.id()), summary());
		return new Change(changed, signup, List.of(event), true);
	}

	/**
	 * Cancels a signup (with a seat or in line); a seat freed goes at once to the first
	 * in line.
	 * @throws NotFoundException when the shift has no such signup
	 * @throws IllegalStateChangeException when not cancellable, or the shift is over
	 */
	Change cancel(String signupId, CancellationReason reason, Instant now) {
		Signup signup = signup(signupId);
		if (!SignupStatus.CANCELLABLE.contains(signup.status())) {
			throw new IllegalStateChangeException("A signup " + signup.status() + " cannot be cancelled",
					signup.status().name());
		}
		if (!now.isBefore(this.endsAt)) {
			throw new IllegalStateChangeException("The shift is over", "ENDED");
		}
		Signup cancelled = signup.withStatus(SignupStatus.CANCELLED).withCancelledAt(now);
		List<DomainEvent> events = new ArrayList<>();
		events.add(new ShiftSignupCancelled(UUID.randomUUID().toString(), now, this.id, signupId, signup.volunteerId(),
				signup.status() == SignupStatus.WAITLISTED, reason.name(), summary()));
		Shift changed = withSignup(cancelled).promote(now, events);
		return new Change(changed, cancelled, events, true);
	}

	/**
	 * The volunteer says they will be there. Saying it again changes nothing.
	 * @throws IllegalStateChangeException when the signup has no seat, or the shift is
	 * over
	 */
	Change confirm(String signupId, Instant now) {
		Signup signup = signup(signupId);
		if (signup.status() == SignupStatus.CONFIRMED) {
			return new Change(this, signup, List.of(), false);
		}
		if (signup.status() != SignupStatus.REGISTERED) {
			throw new IllegalStateChangeException("Only a registered signup can be confirmed", signup.status().name());
		}
		if (!now.isBefore(this.endsAt)) {
			throw new IllegalStateChangeException("The shift is over", "ENDED");
		}
		Signup confirmed = signup.withStatus(SignupStatus.CONFIRMED);
		return new Change(withSignup(confirmed), confirmed, List.of(), true);
	}

	/**
	 * Changes how many volunteers the shift takes; more seats go to those in line at
	 * once.
	 * @throws InvalidInputException when not between 1 and 10000
	 * @throws IllegalStateChangeException when fewer than the seats taken, or the shift
	 * was cancelled
	 */
	Change changeCapacity(Integer capacity, Instant now) {
		if (capacity == null) {
			throw new InvalidInputException("capacity", "is required");
		}
		if (capacity < 1 || capacity > MAX_CAPACITY) {
			throw new InvalidInputException("capacity", "must be between 1 and " + MAX_CAPACITY);
		}
		if (this.status != ShiftStatus.SCHEDULED) {
			throw new IllegalStateChangeException("The shift was cancelled", this.status.name());
		}
		if (capacity < seatsTaken()) {
			throw new IllegalStateChangeException(
					"The shift has " + seatsTaken() + " volunteers with a seat; cancel some first", "FULL");
		}
		List<DomainEvent> events = new ArrayList<>();
		Shift changed = withCapacity(capacity).promote(now, events);
		return new Change(changed, null, events, capacity != this.capacity);
	}

	/**
	 * Records whether a volunteer with a seat came, once the shift has started; recorded
	 * again, it corrects the record.
	 * @param hours the hours volunteered when attended, by default the shift's length
	 * @param volunteerChapterId the volunteer's chapter now, or {@code null} to keep the
	 * one they signed up with
	 * @throws InvalidInputException when {@code attended} is missing or the hours are not
	 * more than 0 and at most 24 (or not 0 for a no-show)
	 * @throws IllegalStateChangeException before the shift starts, or for a signup
	 * without a seat
	 */
	Change recordAttendance(String signupId, Boolean attended, Double hours, String volunteerChapterId, Instant now) {
		Signup signup = signup(signupId);
		FieldProblems problems = new FieldProblems();
		if (attended == null) {
			problems.add("attended", "is required (true or false)");
		}
		else if (attended && hours != null && (hours.isNaN() || hours <= 0 || hours > MAX_HOURS)) {
			problems.add("hours", "must be more than 0 and at most 24");
		}
		else if (!attended && hours != null && hours != 0) {
			problems.add("hours", "must be 0 or absent for a volunteer who did not come");
		}
		problems.throwIfAny();
		requireCheckIn(now);
		if (!SignupStatus.ATTENDANCE.contains(signup.status())) {
			throw new IllegalStateChangeException("A signup " + signup.status() + " has no attendance to record",
					signup.status().name());
		}
		double recorded = attended ? ((hours != null) ? hours : lengthInHours()) : 0;
		String chapter = (volunteerChapterId != null) ? volunteerChapterId : signup.volunteerChapterId();
		if (signup.status() == (attended ? SignupStatus.ATTENDED : SignupStatus.NO_SHOW)
				&& Objects.equals(signup.hours(), attended ? recorded : null)
				&& Objects.equals(signup.volunteerChapterId(), chapter)) {
			// The same record again (two organizers checking one person in at once): one
			// result, one event.
			return new Change(this, signup, List.of(), false);
		}
		Signup changed = signup.withAttendance(attended, recorded, chapter, now);
		AttendanceRecorded event = new AttendanceRecorded(UUID.randomUUID().toString(), now, this.id, signupId,
				signup.volunteerId(), changed.volunteerChapterId(), attended, recorded, summary());
		return new Change(withSignup(changed), changed, List.of(event), true);
	}

	/**
	 * A person who came without being on the roster (or who waited in line) is checked in
	 * on the day: they take a seat and their attendance is recorded at once. The seat is
	 * filled in person, so a full shift grows by one to hold them rather than turning
	 * away someone who is there. Checking in one who is already checked in with the same
	 * hours changes nothing (two organizers adding the same walk-in at once: one result).
	 * @param hours the hours volunteered, by default the shift's length
	 * @throws InvalidInputException when the hours are not more than 0 and at most 24
	 * @throws IllegalStateChangeException when the shift was cancelled or has not started
	 */
	Change walkIn(String volunteerId, String volunteerChapterId, Double hours, Instant now) {
		if (hours != null && (hours.isNaN() || hours <= 0 || hours > MAX_HOURS)) {
			throw new InvalidInputException("hours", "must be more than 0 and at most 24");
		}
		requireCheckIn(now);
		Optional<Signup> existing = signupOf(volunteerId);
		if (existing.isPresent() && SignupStatus.ATTENDANCE.contains(existing.get().status())) {
			return recordAttendance(existing.get().id(), true, hours, volunteerChapterId, now);
		}
		Shift shift = this;
		long sequence = existing.map(Signup::sequence).orElse(this.nextSequence);
		if (existing.isEmpty()) {
			shift = shift.withNextSequence(this.nextSequence + 1);
		}
		if (shift.seatsLeft() == 0) {
			shift = shift.withCapacity(shift.capacity + 1);
		}
		double recorded = (hours != null) ? hours : lengthInHours();
		Signup signup = Signup.walkedIn(existing.map(Signup::id).orElseGet(() -> UUID.randomUUID().toString()),
				volunteerId, volunteerChapterId, sequence, existing.map(Signup::signedUpAt).orElse(now), recorded, now);
		AttendanceRecorded event = new AttendanceRecorded(UUID.randomUUID().toString(), now, this.id, signup.id(),
				volunteerId, volunteerChapterId, true, recorded, summary());
		return new Change(shift.withSignup(signup), signup, List.of(event), true);
	}

	/**
	 * The organizers call the shift off: nobody is expected any more, and those with a
	 * seat or in line are told ({@code ShiftCancelled} names them by id). Their signups
	 * keep their status; the shift's says it is off, and it takes no RSVP.
	 * @param withOpportunity whether its whole opportunity is being cancelled
	 * @throws InvalidInputException when the reason is missing or too long
	 * @throws IllegalStateChangeException when already cancelled, or over
	 */
	Change cancelShift(String reason, boolean withOpportunity, Instant now) {
		String why = reason(reason);
		if (this.status == ShiftStatus.CANCELLED) {
			throw new IllegalStateChangeException("The shift was already cancelled", this.status.name());
		}
		if (!now.isBefore(this.endsAt)) {
			throw new IllegalStateChangeException("The shift is over", "ENDED");
		}
		Shift cancelled = new Shift(this.id, this.opportunityId, this.title, this.type, this.state, this.chapterId,
				this.endorsementId, this.raceId, this.startsAt, this.endsAt, this.location, this.virtualLink,
				this.capacity, ShiftStatus.CANCELLED, this.signups, this.nextSequence);
		return new Change(cancelled, null, List.of(new ShiftCancelled(UUID.randomUUID().toString(), now, this.id, why,
				toldOfChanges(), withOpportunity, summary())), true);
	}

	/**
	 * The organizers move the shift to another time, and possibly another place (a
	 * location or a virtual link given replaces both of the shift's; none keeps them).
	 * Everyone keeps their place; those with a seat or in line are told
	 * ({@code ShiftRescheduled}), and reminded again before the new time.
	 * @param plan the new times, and the new place if any (its capacity is ignored)
	 * @throws InvalidInputException naming every field at fault
	 * @throws IllegalStateChangeException when cancelled, or once the shift has started
	 */
	Change reschedule(Plan plan, Instant now) {
		FieldProblems problems = new FieldProblems();
		check(new Plan(plan.startsAt(), plan.endsAt(), this.capacity, plan.location(), plan.virtualLink()), "",
				this.location, this.virtualLink, now, problems);
		problems.throwIfAny();
		if (this.status == ShiftStatus.CANCELLED) {
			throw new IllegalStateChangeException("The shift was cancelled", this.status.name());
		}
		if (!now.isBefore(this.startsAt)) {
			throw new IllegalStateChangeException("A shift that has started cannot be moved", "STARTED");
		}
		Instant startsAt = Instant.parse(plan.startsAt().strip()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		Instant endsAt = Instant.parse(plan.endsAt().strip()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		String location = blankToNull(plan.location());
		String link = blankToNull(plan.virtualLink());
		boolean moved = location != null || link != null;
		if (!moved) {
			location = this.location;
			link = this.virtualLink;
		}
		if (startsAt.equals(this.startsAt) && endsAt.equals(this.endsAt) && Objects.equals(location, this.location)
				&& Objects.equals(link, this.virtualLink)) {
			return new Change(this, null, List.of(), false);
		}
		List<Signup> signups = this.signups.stream()
			.map((signup) -> startsAt.equals(this.startsAt) ? signup : signup.withRemindedAt(null))
			.toList();
		Shift rescheduled = new Shift(this.id, this.opportunityId, this.title, this.type, this.state, this.chapterId,
				this.endorsementId, this.raceId, startsAt, endsAt, location, link, this.capacity, this.status, signups,
				this.nextSequence);
		return new Change(rescheduled, null, List.of(new ShiftRescheduled(UUID.randomUUID().toString(), now, this.id,
				this.startsAt, this.endsAt, this.location, toldOfChanges(), rescheduled.summary())), true);
	}

	/**
	 * The shift's copies of its opportunity's title and type, after the organizers edited
	 * them; nothing else changes and nobody is told.
	 */
	Change retitle(String title, OpportunityType type) {
		if (Objects.equals(title, this.title) && type == this.type) {
			return new Change(this, null, List.of(), false);
		}
		return new Change(new Shift(this.id, this.opportunityId, title, type, this.state, this.chapterId,
				this.endorsementId, this.raceId, this.startsAt, this.endsAt, this.location, this.virtualLink,
				this.capacity, this.status, this.signups, this.nextSequence), null, List.of(), true);
	}

	/**
	 * Why the organizers cancel: required, at most 1000 characters.
	 * @throws InvalidInputException on {@code reason} otherwise
	 */
	static String reason(String reason) {
		FieldProblems problems = new FieldProblems();
		String why = problems.required("reason", reason, MAX_REASON);
		problems.throwIfAny();
		return why;
	}

	/** Whether the shift has not been called off. */
	boolean isScheduled() {
		return this.status == ShiftStatus.SCHEDULED;
	}

	/**
	 * The volunteers with a seat not yet used or in line, in arrival order: whom a change
	 * of the shift is told to.
	 */
	private List<String> toldOfChanges() {
		return this.signups.stream()
			.filter((signup) -> SignupStatus.CANCELLABLE.contains(signup.status()))
			.sorted(Comparator.comparingLong(Signup::sequence))
			.map(Signup::volunteerId)
			.toList();
	}

	/**
	 * @throws IllegalStateChangeException when the shift was cancelled or has not started
	 */
	private void requireCheckIn(Instant now) {
		if (this.status != ShiftStatus.SCHEDULED) {
			throw new IllegalStateChangeException("The shift was cancelled", this.status.name());
		}
		if (now.isBefore(this.startsAt)) {
			throw new IllegalStateChangeException("Attendance is recorded once the shift has started", "NOT_STARTED");
		}
	}

	/**
	 * The reminders due: when the shift starts within the lead time from now, one for
	 * every volunteer with a seat who has not had theirs, each marked as reminded.
	 */
	Change remindersDue(Instant now, Duration lead) {
		if (this.status != ShiftStatus.SCHEDULED || !this.startsAt.isAfter(now)
				|| this.startsAt.isAfter(now.plus(lead))) {
			return new Change(this, null, List.of(), false);
		}
		List<DomainEvent> events = new ArrayList<>();
		List<Signup> signups = new ArrayList<>();
		for (Signup signup : this.signups) {
			if (SignupStatus.REMINDED.contains(signup.status()) && signup.remindedAt() == null) {
				signups.add(signup.withRemindedAt(now));
				events.add(new ShiftReminderDue(UUID.randomUUID().toString(), now, this.id, signup.id(),
						signup.volunteerId(), summary()));
			}
			else {
				signups.add(signup);
			}
		}
		return new Change(withSignups(signups), null, events, !events.isEmpty());
	}

	/**
	 * An erased volunteer gives up their signups on shifts not over yet, seats going to
	 * those in line; what they attended stays, under their id only.
	 */
	Change eraseVolunteer(String volunteerId, Instant now) {
		Optional<Signup> signup = signupOf(volunteerId);
		if (signup.isEmpty() || !SignupStatus.CANCELLABLE.contains(signup.get().status())
				|| !now.isBefore(this.endsAt)) {
			return new Change(this, signup.orElse(null), List.of(), false);
		}
		return cancel(signup.get().id(), CancellationReason.ERASURE, now);
	}

	/**
	 * The volunteer gives up a place held for them (they declined the request it was held
	 * with): like a cancellation with their key, when the signup is still theirs, still
	 * held and the shift not over; otherwise nothing changes.
	 */
	Change giveUp(String signupId, String volunteerId, Instant now) {
		Optional<Signup> signup = this.signups.stream().filter((found) -> found.id().equals(signupId)).findFirst();
		if (signup.isEmpty() || !signup.get().volunteerId().equals(volunteerId)
				|| !SignupStatus.CANCELLABLE.contains(signup.get().status()) || !now.isBefore(this.endsAt)) {
			return new Change(this, signup.orElse(null), List.of(), false);
		}
		return cancel(signupId, CancellationReason.VOLUNTEER, now);
	}

	/** The signup's place in line, from 1, or {@code null} when not in line. */
	Integer waitlistPosition(String signupId) {
		Signup signup = signup(signupId);
		if (signup.status() != SignupStatus.WAITLISTED) {
			return null;
		}
		int ahead = 0;
		for (Signup other : this.signups) {
			if (other.status() == SignupStatus.WAITLISTED && other.sequence() < signup.sequence()) {
				ahead++;
			}
		}
		return ahead + 1;
	}

	int seatsTaken() {
		return (int) this.signups.stream().filter((signup) -> signup.status().seated()).count();
	}

	int seatsLeft() {
		return Math.max(0, this.capacity - seatsTaken());
	}

	int waitlistLength() {
		return (int) this.signups.stream().filter((signup) -> signup.status() == SignupStatus.WAITLISTED).count();
	}

	/** The shift's length in hours: the hours of a volunteer who came, unless told. */
	double lengthInHours() {
		return Duration.between(this.startsAt, this.endsAt).toMinutes() / 60.0;
	}

	/**
	 * @throws NotFoundException when the shift has no such signup
	 */
	Signup signup(String signupId) {
		return this.signups.stream()
			.filter((signup) -> signup.id().equals(signupId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("signup", signupId));
	}

	Optional<Signup> signupOf(String volunteerId) {
		return this.signups.stream().filter((signup) -> signup.volunteerId().equals(volunteerId)).findFirst();
	}

	ShiftSummary summary() {
		return new ShiftSummary(this.opportunityId, this.title, (this.type != null) ? this.type.name() : null,
				(this.state != null) ? this.state.code() : null, this.chapterId, this.endorsementId, this.startsAt,
				this.endsAt, this.location, this.virtualLink);
	}

	/**
	 * @throws IllegalStateChangeException when the shift was cancelled or is over
	 */
	void requireTakingPlace(Instant now) {
		if (this.status != ShiftStatus.SCHEDULED) {
			throw new IllegalStateChangeException("The shift was cancelled", this.status.name());
		}
		if (!now.isBefore(this.endsAt)) {
			throw new IllegalStateChangeException("The shift is over", "ENDED");
		}
	}

	/** Gives free seats to those in line, first come first served. */
	private Shift promote(Instant now, List<DomainEvent> events) {
		if (this.status != ShiftStatus.SCHEDULED || !now.isBefore(this.endsAt)) {
			return this;
		}
		Shift shift = this;
		List<Signup> line = this.signups.stream()
			.filter((signup) -> signup.status() == SignupStatus.WAITLISTED)
			.sorted(Comparator.comparingLong(Signup::sequence))
			.toList();
		for (Signup waiting : line) {
			if (shift.seatsLeft() == 0) {
				break;
			}
			Signup promoted = waiting.withStatus(SignupStatus.REGISTERED).withRegisteredAt(now);
			shift = shift.withSignup(promoted);
			events.add(new ShiftSignupPromoted(UUID.randomUUID().toString(), now, this.id, promoted.id(),
					promoted.volunteerId(), summary()));
		}
		return shift;
	}

	private Shift withSignup(Signup signup) {
		List<Signup> signups = new ArrayList<>(this.signups.size() + 1);
		boolean replaced = false;
		for (Signup existing : this.signups) {
			if (existing.id().equals(signup.id())) {
				signups.add(signup);
				replaced = true;
			}
			else {
				signups.add(existing);
			}
		}
		if (!replaced) {
			signups.add(signup);
		}
		return withSignups(signups);
	}

	private Shift withSignups(List<Signup> signups) {
		return new Shift(this.id, this.opportunityId, this.title, this.type, this.state, this.chapterId,
				this.endorsementId, this.raceId, this.startsAt, this.endsAt, this.location, this.virtualLink,
				this.capacity, this.status, signups, this.nextSequence);
	}

	private Shift withNextSequence(long nextSequence) {
		return new Shift(this.id, this.opportunityId, this.title, this.type, this.state, this.chapterId,
				this.endorsementId, this.raceId, this.startsAt, this.endsAt, this.location, this.virtualLink,
				this.capacity, this.status, this.signups, nextSequence);
	}

	private Shift withCapacity(int capacity) {
		return new Shift(this.id, this.opportunityId, this.title, this.type, this.state, this.chapterId,
				this.endorsementId, this.raceId, this.startsAt, this.endsAt, this.location, this.virtualLink, capacity,
				this.status, this.signups, this.nextSequence);
	}

	/** An ISO-8601 instant ({@code 2026-10-03T15:00:00Z}, or with an offset). */
	private static Instant time(String field, String value, FieldProblems problems) {
		if (value == null || value.isBlank()) {
			problems.add(field, "is required");
			return null;
		}
		try {
			return Instant.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			problems.add(field, "must be a time in ISO-8601 form, e.g. 2026-10-03T15:00:00Z");
			return null;
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * A shift as an organizer asks for it, as given: {@link #check} says what is wrong.
	 *
	 * @param startsAt an ISO-8601 instant
	 * @param endsAt an ISO-8601 instant
	 * @param location where to meet, else the opportunity's
	 * @param virtualLink where to join online (https), else the opportunity's
	 */
	record Plan(String startsAt, String endsAt, Integer capacity, String location, String virtualLink) {

		Plan(Instant startsAt, Instant endsAt, Integer capacity, String location, String virtualLink) {
			this((startsAt != null) ? startsAt.toString() : null, (endsAt != null) ? endsAt.toString() : null, capacity,
					location, virtualLink);
		}

	}

	/**
	 * A volunteer's place on a shift.
	 *
	 * @param volunteerChapterId the volunteer's chapter when they signed up (refreshed
	 * when attendance is recorded): the chapter their hours count for
	 * @param sequence the arrival order: the waitlist is served in it
	 * @param hours the hours volunteered, for {@code ATTENDED} only
	 * @param manageTokenHash the SHA-256 of the token the volunteer manages it with
	 */
	record Signup(String id, String volunteerId, String volunteerChapterId, SignupStatus status, long sequence,
			Instant signedUpAt, Instant registeredAt, Instant cancelledAt, Double hours, Instant attendanceRecordedAt,
			Instant remindedAt, String manageTokenHash) {

		Signup {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(volunteerId, "volunteerId");
			Objects.requireNonNull(status, "status");
		}

		/**
		 * A volunteer's RSVP: a seat from now, or a place in line; nothing cancelled,
		 * attended or reminded yet (an RSVP after a cancellation starts afresh under the
		 * same id).
		 * @param seat whether a seat was left
		 * @param manageTokenHash the hash of the token handed to the volunteer with it
		 */
		static Signup rsvp(String id, String volunteerId, String volunteerChapterId, boolean seat, long sequence,
				String manageTokenHash, Instant now) {
			return new Signup(id, volunteerId, volunteerChapterId,
					seat ? SignupStatus.REGISTERED : SignupStatus.WAITLISTED, sequence, now, seat ? now : null, null,
					null, null, null, manageTokenHash);
		}

		/**
		 * A person checked in on the day: seated and attended at once, with their hours;
		 * no token (the organizers checked them in).
		 * @param signedUpAt when they first signed up for the shift (now for a walk-in
		 * never on the roster)
		 */
		static Signup walkedIn(String id, String volunteerId, String volunteerChapterId, long sequence,
				Instant signedUpAt, double hours, Instant now) {
			return new Signup(id, volunteerId, volunteerChapterId, SignupStatus.ATTENDED, sequence, signedUpAt, now,
					null, hours, now, null, null);
		}

		/**
		 * The signup with its attendance recorded: {@code ATTENDED} with the hours, or
		 * {@code NO_SHOW} without any.
		 * @param volunteerChapterId the chapter the hours count for
		 */
		Signup withAttendance(boolean attended, double hours, String volunteerChapterId, Instant now) {
			return new Signup(this.id, this.volunteerId, volunteerChapterId,
					attended ? SignupStatus.ATTENDED : SignupStatus.NO_SHOW, this.sequence, this.signedUpAt,
					this.registeredAt, this.cancelledAt, attended ? hours : null, now, this.remindedAt,
					this.manageTokenHash);
		}

		Signup withStatus(SignupStatus status) {
			return new Signup(this.id, this.volunteerId, this.volunteerChapterId, status, this.sequence,
					this.signedUpAt, this.registeredAt, this.cancelledAt, this.hours, this.attendanceRecordedAt,
					this.remindedAt, this.manageTokenHash);
		}

		Signup withRegisteredAt(Instant registeredAt) {
			return new Signup(this.id, this.volunteerId, this.volunteerChapterId, this.status, this.sequence,
					this.signedUpAt, registeredAt, this.cancelledAt, this.hours, this.attendanceRecordedAt,
					this.remindedAt, this.manageTokenHash);
		}

		Signup withCancelledAt(Instant cancelledAt) {
			return new Signup(this.id, this.volunteerId, this.volunteerChapterId, this.status, this.sequence,
					this.signedUpAt, this.registeredAt, cancelledAt, this.hours, this.attendanceRecordedAt,
					this.remindedAt, this.manageTokenHash);
		}

		Signup withRemindedAt(Instant remindedAt) {
			return new Signup(this.id, this.volunteerId, this.volunteerChapterId, this.status, this.sequence,
					this.signedUpAt, this.registeredAt, this.cancelledAt, this.hours, this.attendanceRecordedAt,
					remindedAt, this.manageTokenHash);
		}

		/** Ids and times only; the token's hash stays out of logs. */
		@Override
		public String toString() {
			return "Signup[id=" + this.id + ", volunteerId=" + this.volunteerId + ", status=" + this.status
					+ ", sequence=" + this.sequence + "]";
		}

	}

	/** A shift scheduled, and its {@code ShiftScheduled}. */
	record Scheduled(Shift shift, DomainEvent event) {
	}

	/**
	 * A shift as changed (or not), the signup at stake, and the events the change caused.
	 *
	 * @param signup the signup at stake, or {@code null}
	 * @param changed whether anything is to be written
	 */
	record Change(Shift shift, Signup signup, List<DomainEvent> events, boolean changed) {

		Change {
			events = List.copyOf(events);
		}

		/** How many volunteers in line the change gave a seat to. */
		long promotions() {
			return this.events.stream().filter(ShiftSignupPromoted.class::isInstance).count();
		}

	}

}
