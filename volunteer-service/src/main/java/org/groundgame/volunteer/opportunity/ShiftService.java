package org.groundgame.volunteer.opportunity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.support.domain.CapabilityTokens;
import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.security.Caller;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.volunteer.volunteer.KnownVolunteers;
import org.groundgame.volunteer.volunteer.KnownVolunteers.Member;
import org.groundgame.volunteer.volunteer.VolunteerShifts.HeldSignup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * RSVPs, cancellations, confirmations, capacity and attendance: every change of a shift's
 * roster. Changes of one shift are serialized in this instance by a fair lock (in arrival
 * order) and across instances by the shift's version, retried a bounded number of times;
 * each is one targeted write of the roster with the events it caused.
 */
@Service
class ShiftService {

	private static final Logger log = LoggerFactory.getLogger(ShiftService.class);

	/** How many times a change races another instance's on one shift before giving up. */
	static final int MAX_ATTEMPTS = 16;

	private final ShiftStore store;

	private final OpportunityStore opportunities;

	private final KnownVolunteers volunteers;

	private final Clock clock;

	private final MeterRegistry meters;

	private final ShiftLocks locks = new ShiftLocks(256);

	ShiftService(ShiftStore store, OpportunityStore opportunities, KnownVolunteers volunteers, Clock clock,
			MeterRegistry meters) {
		this.store = store;
		this.opportunities = opportunities;
		this.volunteers = volunteers;
		this.clock = clock;
		this.meters = meters;
		meters.gauge("groundgame.volunteer.waitlist.shifts", this, ShiftService::shiftsWithAWaitlist);
	}

	/**
	 * A shift with its opportunity's status: public when the opportunity is open, else
	 * for staff and the organizing chapter only.
	 * @throws NotFoundException when unknown or not the caller's to see
	 */
	Viewed shift(String shiftId, Caller caller) {
		Shift shift = load(shiftId).toShift();
		Opportunity opportunity = opportunityOf(shift);
		if (!opportunity.isOpen() && !OpportunityService.organizes(caller, shift.chapterId())) {
			throw new NotFoundException("shift", shiftId);
		}
		return new Viewed(shift, opportunity.status());
	}

	/**
	 * RSVPs for a volunteer: a seat if one is left, else a place in line; repeating it
	 * answers the signup they have. Knowing a volunteer's id proves nothing: the caller
	 * is the volunteer, holding their key (the token of the private link they were
	 * e-mailed), or staff, or the chapter organizing the shift. That is checked before
	 * anything about the volunteer is looked at, so that the answer tells a stranger
	 * nothing of them.
	 * @param volunteerKey the {@code X-Manage-Token} sent, possibly {@code null}
	 * @throws InvalidInputException when the volunteer is unknown or erased (to staff and
	 * the organizers only)
	 */
	Rsvp rsvp(String shiftId, String volunteerId, Caller caller, String volunteerKey) {
		Shift read = load(shiftId).toShift();
		if (!this.volunteers.holdsKey(volunteerId, volunteerKey)) {
			if (volunteerKey != null && !volunteerKey.isBlank()) {
				throw new AccessDeniedException("The manage token is not this volunteer's");
			}
			caller.requireToken();
			if (!caller.mayAccessChapter(read.chapterId())) {
				throw new AccessDeniedException(
						"Only the volunteer, staff or the organizing chapter may RSVP for a " + "volunteer");
			}
		}
		Member member = this.volunteers.find(volunteerId)
			.orElseThrow(() -> new InvalidInputException("volunteerId", "must be the id of a known volunteer"));
		return hold(read, member.id(), member.chapterId());
	}

	/**
	 * Holds a place for a volunteer the caller vouched for (the one-step RSVP, whose
	 * volunteer the address named): a seat if one is left, else a place in line; the
	 * place they have if they have one.
	 */
	Rsvp hold(String shiftId, String volunteerId, String volunteerChapterId) {
		return hold(load(shiftId).toShift(), volunteerId, volunteerChapterId);
	}

	private Rsvp hold(Shift read, String volunteerId, String volunteerChapterId) {
		boolean open = opportunityOf(read).isOpen();
		Shift.Change change = change(read.id(),
				(shift) -> shift.rsvp(volunteerId, volunteerChapterId, null, open, Opportunity.now(this.clock)));
		String outcome = !change.changed() ? "duplicate"
				: (change.signup().status() == SignupStatus.REGISTERED) ? "registered" : "waitlisted";
		this.meters.counter("groundgame.volunteer.rsvps", "outcome", outcome).increment();
		log.info("Signup {} of volunteer {} on shift {}: {}", change.signup().id(), volunteerId, read.id(), outcome);
		return new Rsvp(change.shift(), change.signup(), change.changed());
	}

	/**
	 * Checks that the public may RSVP for the shift: its opportunity open (else, as for
	 * its public view, {@code 404}), the shift scheduled and not over ({@code 409}).
	 */
	void requireTakingRsvps(String shiftId) {
		Shift shift = load(shiftId).toShift();
		if (!opportunityOf(shift).isOpen()) {
			throw new NotFoundException("shift", shiftId);
		}
		shift.requireTakingPlace(Opportunity.now(this.clock));
	}

	/**
	 * Gives up places held for a volunteer with a request they declined: each one still
	 * theirs, still held and not over is cancelled (reason {@code VOLUNTEER}), promoting
	 * the first in line.
	 * @return how many were given up
	 */
	int giveUp(String volunteerId, List<HeldSignup> places) {
		int released = 0;
		for (HeldSignup place : places) {
			if (this.store.shift(place.shiftId()).isEmpty()) {
				continue;
			}
			Shift.Change change = change(place.shiftId(),
					(shift) -> shift.giveUp(place.signupId(), volunteerId, Opportunity.now(this.clock)));
			if (change.changed()) {
				countPromotions(change);
				released++;
				log.info("Signup {} on shift {} given up: the request it was held with was declined", place.signupId(),
						place.shiftId());
			}
		}
		return released;
	}

	/**
	 * Cancels a signup: the volunteer with its manage token, or staff, the organizing
	 * chapter or the volunteer's chapter; the first in line gets the seat freed.
	 */
	Shift.Change cancel(String shiftId, String signupId, Caller caller, String manageToken) {
		CancellationReason reason = authorizeForSignup(shiftId, signupId, caller, manageToken);
		Shift.Change change = change(shiftId, (shift) -> shift.cancel(signupId, reason, Opportunity.now(this.clock)));
		countPromotions(change);
		log.info("Signup {} on shift {} cancelled ({})", signupId, shiftId, reason);
		return change;
	}

	/** The volunteer says they will be there: same access as a cancellation. */
	Shift.Change confirm(String shiftId, String signupId, Caller caller, String manageToken) {
		authorizeForSignup(shiftId, signupId, caller, manageToken);
		return change(shiftId, (shift) -> shift.confirm(signupId, Opportunity.now(this.clock)));
	}

	/** Changes a shift's capacity (staff, or the organizing chapter). */
	Shift changeCapacity(String shiftId, Integer capacity, Caller caller) {
		caller.requireToken();
		caller.requireChapterAccess(load(shiftId).toShift().chapterId());
		Shift.Change change = change(shiftId, (shift) -> shift.changeCapacity(capacity, Opportunity.now(this.clock)));
		countPromotions(change);
		log.info("Shift {} takes {} volunteers", shiftId, change.shift().capacity());
		return change.shift();
	}

	/**
	 * Calls a shift off (staff, or the organizing chapter): its volunteers and waitlist
	 * are told ({@code ShiftCancelled}); it takes no RSVP any more.
	 */
	Shift cancelShift(String shiftId, String reason, Caller caller) {
		caller.requireToken();
		caller.requireChapterAccess(load(shiftId).toShift().chapterId());
		Shift.Change change = change(shiftId, (shift) -> shift.cancelShift(reason, false, Opportunity.now(this.clock)));
		this.meters.counter("groundgame.volunteer.shifts.cancelled").increment();
		log.info("Shift {} cancelled by the organizers", shiftId);
		return change.shift();
	}

	/**
	 * Cancels the shifts of a cancelled opportunity that are scheduled and not over, each
	 * telling its volunteers; already the caller's right was checked.
	 * @return how many were cancelled
	 */
	int cancelShiftsOf(String opportunityId, String reason) {
		Instant now = Opportunity.now(this.clock);
		int cancelled = 0;
		for (ShiftDocument document : this.store.shiftsOf(List.of(opportunityId))) {
			Shift.Change change = change(document.getId(),
					(shift) -> (shift.isScheduled() && now.isBefore(shift.endsAt()))
							? shift.cancelShift(reason, true, now) : new Shift.Change(shift, null, List.of(), false));
			if (change.changed()) {
				this.meters.counter("groundgame.volunteer.shifts.cancelled").increment();
				cancelled++;
			}
		}
		return cancelled;
	}

	/**
	 * The shifts' copies of their opportunity's title and type, after an edit.
	 */
	void retitleShiftsOf(String opportunityId, String title, OpportunityType type) {
		for (ShiftDocument document : this.store.shiftsOf(List.of(opportunityId))) {
			change(document.getId(), (shift) -> shift.retitle(title, type));
		}
	}

	/**
	 * Moves a shift to another time or place (staff, or the organizing chapter): its
	 * volunteers and waitlist are told ({@code ShiftRescheduled}), and keep their places.
	 */
	Shift reschedule(String shiftId, Shift.Plan plan, Caller caller) {
		caller.requireToken();
		caller.requireChapterAccess(load(shiftId).toShift().chapterId());
		Shift.Change change = change(shiftId, (shift) -> shift.reschedule(plan, Opportunity.now(this.clock)));
		if (change.changed()) {
			this.meters.counter("groundgame.volunteer.shifts.rescheduled").increment();
		}
		log.info("Shift {} rescheduled", shiftId);
		return change.shift();
	}

	/**
	 * Checks that the caller organizes the shift: staff, or its chapter.
	 * @return the organizing chapter
	 */
	String requireWalkInAccess(String shiftId, Caller caller) {
		caller.requireToken();
		Shift shift = load(shiftId).toShift();
		caller.requireChapterAccess(shift.chapterId());
		return shift.chapterId();
	}

	/**
	 * Checks a walk-in in: a seat and their attendance at once (see
	 * {@link Shift#walkIn}).
	 */
	Shift.Change walkIn(String shiftId, String volunteerId, String volunteerChapterId, Double hours) {
		Shift.Change change = change(shiftId,
				(shift) -> shift.walkIn(volunteerId, volunteerChapterId, hours, Opportunity.now(this.clock)));
		if (change.changed()) {
			this.meters.counter("groundgame.volunteer.walk-ins").increment();
		}
		log.info("Walk-in checked in on shift {}: signup {} ({})", shiftId, change.signup().id(),
				change.changed() ? "recorded" : "already recorded");
		return change;
	}

	/**
	 * Checks that a shift takes walk-ins now: scheduled and started.
	 */
	void requireTakingWalkIns(String shiftId) {
		Shift shift = load(shiftId).toShift();
		if (!shift.isScheduled()) {
			throw new org.groundgame.support.domain.IllegalStateChangeException("The shift was cancelled",
					ShiftStatus.CANCELLED.name());
		}
		if (Opportunity.now(this.clock).isBefore(shift.startsAt())) {
			throw new org.groundgame.support.domain.IllegalStateChangeException(
					"Attendance is recorded once the shift has started", "NOT_STARTED");
		}
	}

	/**
	 * Records whether a volunteer came, and their hours (staff, or the organizing
	 * chapter); the hours count for the volunteer's chapter now.
	 */
	Shift.Change recordAttendance(String shiftId, String signupId, Boolean attended, Double hours, Caller caller) {
		caller.requireToken();
		Shift read = load(shiftId).toShift();
		caller.requireChapterAccess(read.chapterId());
		String chapterId = this.volunteers.find(read.signup(signupId).volunteerId())
			.map(Member::chapterId)
			.orElse(null);
		Shift.Change change = change(shiftId,
				(shift) -> shift.recordAttendance(signupId, attended, hours, chapterId, Opportunity.now(this.clock)));
		log.info("Attendance of signup {} on shift {} recorded: {}", signupId, shiftId, change.signup().status());
		return change;
	}

	/**
	 * The roster (staff, or the organizing chapter), with the names organizers know the
	 * volunteers by ({@code null} once erased).
	 */
	Roster roster(String shiftId, Caller caller) {
		caller.requireToken();
		Shift shift = load(shiftId).toShift();
		caller.requireChapterAccess(shift.chapterId());
		Map<String, Member> members = this.volunteers
			.findAll(shift.signups().stream().map(Shift.Signup::volunteerId).toList());
		return new Roster(shift, members);
	}

	/**
	 * An erased volunteer gives up their places on shifts not over yet; seats freed go to
	 * those in line.
	 */
	void volunteerErased(VolunteerErased erased) {
		Instant now = Opportunity.now(this.clock);
		List<String> shiftIds = this.store.notOverWith(erased.volunteerId(), now);
		for (String shiftId : shiftIds) {
			Shift.Change change = change(shiftId, (shift) -> shift.eraseVolunteer(erased.volunteerId(), now));
			countPromotions(change);
		}
		log.info("Volunteer {} erased: {} shifts looked at", erased.volunteerId(), shiftIds.size());
	}

	/**
	 * Applies a change to the shift as stored and writes it on the version read, under
	 * the shift's lock; reads again and retries when another instance wrote first.
	 */
	private Shift.Change change(String shiftId, Function<Shift, Shift.Change> command) {
		ReentrantLock lock = this.locks.of(shiftId);
		lock.lock();
		try {
			for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
				ShiftDocument read = load(shiftId);
				Shift.Change change = command.apply(read.toShift());
				if (!change.changed() || this.store.update(read, change)) {
					return change;
				}
				log.debug("Shift {} changed meanwhile (attempt {})", shiftId, attempt);
			}
		}
		finally {
			lock.unlock();
		}
		throw new OptimisticLockingFailureException("The shift is changing a lot at the moment; try again");
	}

	/**
	 * Who acts on a signup: its volunteer holding their key (or the signup's own manage
	 * token, which RSVPs answered before keys were e-mailed), or an organizer (staff, the
	 * organizing chapter, the volunteer's chapter).
	 */
	private CancellationReason authorizeForSignup(String shiftId, String signupId, Caller caller, String manageToken) {
		Shift shift = load(shiftId).toShift();
		Shift.Signup signup = shift.signup(signupId);
		if (CapabilityTokens.matches(manageToken, signup.manageTokenHash())
				|| this.volunteers.holdsKey(signup.volunteerId(), manageToken)) {
			return CancellationReason.VOLUNTEER;
		}
		if (!caller.isAnonymous()) {
			String volunteerChapter = this.volunteers.find(signup.volunteerId())
				.map(Member::chapterId)
				.orElse(signup.volunteerChapterId());
			if (caller.mayAccessChapter(shift.chapterId())
					|| (volunteerChapter != null && caller.mayAccessChapter(volunteerChapter))) {
				return CancellationReason.ORGANIZER;
			}
			throw new AccessDeniedException("Only the volunteer, their chapter or the organizers may do this");
		}
		if (manageToken != null && !manageToken.isBlank()) {
			throw new AccessDeniedException("The manage token is not this signup's");
		}
		caller.requireToken();
		throw new IllegalStateException("unreachable");
	}

	private void countPromotions(Shift.Change change) {
		long promotions = change.promotions();
		if (promotions > 0) {
			this.meters.counter("groundgame.volunteer.waitlist.promotions").increment(promotions);
		}
	}

	private Opportunity opportunityOf(Shift shift) {
		return this.opportunities.opportunity(shift.opportunityId())
			.map(OpportunityDocument::toOpportunity)
			.orElseThrow(() -> new NotFoundException("shift", shift.id()));
	}

	private ShiftDocument load(String shiftId) {
		return this.store.shift(shiftId).orElseThrow(() -> new NotFoundException("shift", shiftId));
	}

	/**
	 * How many shifts not started yet have volunteers waiting for a seat, for the gauge.
	 */
	private double shiftsWithAWaitlist() {
		try {
			return this.store.withAWaitlist(Instant.now(this.clock));
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	/** A shift and whether its opportunity is open. */
	record Viewed(Shift shift, OpportunityStatus opportunityStatus) {
	}

	/**
	 * An RSVP's outcome.
	 *
	 * @param created whether the signup is new (or renewed after a cancellation), else
	 * the one the volunteer had
	 */
	record Rsvp(Shift shift, Shift.Signup signup, boolean created) {
	}

	/** A shift's signups and the volunteers known by id (erased ones are not). */
	record Roster(Shift shift, Map<String, Member> members) {
	}

}
