package org.groundgame.volunteer.volunteer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.security.Caller;
import org.groundgame.support.domain.CapabilityTokens;
import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.support.outbox.OutboxUpdates;
import org.groundgame.volunteer.chapter.RegisteredChapters;
import org.groundgame.volunteer.volunteer.Contact.SignUp;
import org.groundgame.volunteer.volunteer.Volunteer.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Signs volunteers up, keeps a sign-up again with a known address aside until the person
 * confirms it, moves volunteers between chapters, erases them and answers who they are to
 * those allowed to know. Every change is one document write: the volunteer with the
 * events it caused in its outbox ({@code VolunteerSignedUp} and
 * {@code VolunteerLinkIssued} for a first sign-up, {@code VolunteerChangeRequested} for a
 * sign-up again, {@code VolunteerUpdated} for a confirmed change or a move,
 * {@code VolunteerErased}); after the insert, always a version-checked update in place
 * ({@link OutboxUpdates}). Logs carry ids only, never a name, address, number or token.
 */
@Service
class VolunteerService {

	private static final Logger log = LoggerFactory.getLogger(VolunteerService.class);

	/**
	 * How many times a sign-up races another of the same address before giving up: each
	 * round lets at least one of the racers through.
	 */
	static final int MAX_ATTEMPTS = 32;

	static final String CONSENT_GIVEN_HOW = "sign-up form";

	static final String RSVP_CONSENT_GIVEN_HOW = "RSVP form";

	static final String WALK_IN_CONSENT_GIVEN_HOW = "walk-in, recorded by the shift's organizers";

	private final VolunteerStore volunteers;

	private final RegisteredChapters chapters;

	private final VolunteerLinks links;

	private final VolunteerConfiguration.LinkProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	private final VolunteerShifts shifts;

	VolunteerService(VolunteerStore volunteers, RegisteredChapters chapters, VolunteerLinks links,
			VolunteerConfiguration.LinkProperties properties, Clock clock, MeterRegistry meters,
			VolunteerShifts shifts) {
		this.volunteers = volunteers;
		this.chapters = chapters;
		this.links = links;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
		this.shifts = shifts;
	}

	/**
	 * Signs a person up. A new address is a new volunteer at once, and their private link
	 * goes to that address. A known address changes nothing but a change kept aside until
	 * the person confirms it from their mailbox, unless staff sign them up again (then it
	 * applies at once, as staff may change any volunteer). Insert first, and on the
	 * unique e-mail key's duplicate write to the one stored, on its version.
	 * @return the sign-up as checked, the volunteer's id and whether the address was new
	 * (for staff's answer only: the public's must not tell)
	 * @throws InvalidInputException naming every field at fault
	 */
	SignedUp signUp(SignUp signUp, Caller caller) {
		Contact contact = Contact.of(signUp, this.chapters::isRegistered, how(CONSENT_GIVEN_HOW, signUp),
				Volunteer.now(this.clock));
		String key = Contact.emailKey(contact.email());
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			Optional<VolunteerDocument> known = this.volunteers.byEmailKey(key);
			try {
				if (known.isEmpty()) {
					Change change = Volunteer.signUp(contact, this.links, this.clock);
					this.volunteers.insert(change);
					this.meters.counter("groundgame.volunteer.signups", "first", "true").increment();
					log.info("Volunteer {} signed up (chapter: {})", change.volunteer().id(),
							change.volunteer().chapterId());
					return new SignedUp(change.volunteer().id(), contact, true);
				}
				Volunteer volunteer = known.get().toVolunteer();
				Change change = caller.isStaff() ? volunteer.signUpAgain(contact, this.clock) : volunteer
					.requestChange(contact, this.links, this.properties.confirmationValidity(), this.clock);
				if (update(known.get(), change)) {
					this.meters.counter("groundgame.volunteer.signups", "first", "false").increment();
					log.info("Volunteer {} signed up again ({})", volunteer.id(),
							caller.isStaff() ? "by staff, applied" : "awaiting their confirmation");
					return new SignedUp(volunteer.id(), contact, false);
				}
			}
			catch (DuplicateKeyException ex) {
				// Another sign-up of the same address won this round: read it and try
				// again.
				log.debug("Sign-up raced another of the same address (attempt {})", attempt);
			}
		}
		throw new OptimisticLockingFailureException(
				"Too many simultaneous sign-ups with one address; try again in a moment");
	}

	/**
	 * RSVPs for a shift in one step, from the public form: whoever the address belongs
	 * to, the place on the shift (a seat if one is left, else a place in line) is held at
	 * once. A new address is a new volunteer, as a first sign-up makes one (their private
	 * link goes to the address). A known address changes nothing of the stored person:
	 * the place is held for the volunteer who has the address, the details given wait for
	 * their confirmation from the mailbox, and the e-mail that asks for it names the
	 * place and lets them give it up ({@link #decline}). Insert first, and on the unique
	 * e-mail key's duplicate take the stored volunteer.
	 * @return the place as held; the public answer shows only what the shift offered
	 * ({@link VolunteerShifts.Place#offered()})
	 * @throws InvalidInputException naming every field at fault, before anything else
	 */
	VolunteerShifts.Place rsvp(String shiftId, SignUp signUp) {
		Contact contact = Contact.of(signUp, this.chapters::isRegistered, how(RSVP_CONSENT_GIVEN_HOW, signUp),
				Volunteer.now(this.clock));
		this.shifts.requireTakingRsvps(shiftId);
		String key = Contact.emailKey(contact.email());
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			Optional<VolunteerDocument> known = this.volunteers.byEmailKey(key);
			try {
				if (known.isEmpty()) {
					Change change = Volunteer.signUp(contact, this.links, this.clock);
					this.volunteers.insert(change);
					this.meters.counter("groundgame.volunteer.signups", "first", "true").increment();
					log.info("Volunteer {} signed up with an RSVP (chapter: {})", change.volunteer().id(),
							change.volunteer().chapterId());
					return this.shifts.hold(shiftId, change.volunteer().id(), change.volunteer().chapterId());
				}
				Volunteer volunteer = known.get().toVolunteer();
				VolunteerShifts.Place place = this.shifts.hold(shiftId, volunteer.id(), volunteer.chapterId());
				change(volunteer.id(), (stored) -> stored.requestChange(contact, place.created() ? place : null,
						this.links, this.properties.confirmationValidity(), this.clock));
				this.meters.counter("groundgame.volunteer.signups", "first", "false").increment();
				log.info("Volunteer {} RSVPed for shift {} with their address: awaiting their confirmation",
						volunteer.id(), shiftId);
				return place;
			}
			catch (DuplicateKeyException ex) {
				log.debug("An RSVP raced a sign-up of the same address (attempt {})", attempt);
			}
		}
		throw new OptimisticLockingFailureException(
				"Too many simultaneous sign-ups with one address; try again in a moment");
	}

	/**
	 * The person followed the link sent to their address and said it was not them:
	 * nothing of the details asked for applies, the link is spent, and the places on
	 * shifts held with the requests since their last confirmation are given up (the first
	 * in line gets each seat).
	 * @return how many places were given up
	 * @throws UnknownLinkException when the link names nothing pending (never issued,
	 * used, or replaced by a newer request)
	 */
	int decline(String token) {
		if (token == null || token.isBlank()) {
			throw new UnknownLinkException();
		}
		String hash = CapabilityTokens.hash(token.strip());
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			VolunteerDocument read = this.volunteers.byPendingChange(hash).orElseThrow(UnknownLinkException::new);
			Volunteer volunteer = read.toVolunteer();
			Change change = volunteer.decline(token.strip());
			if (update(read, change)) {
				int released = this.shifts.release(volunteer.id(), volunteer.pendingChange().held());
				log.info("Volunteer {} declined a change asked with their address; {} places given up", volunteer.id(),
						released);
				return released;
			}
		}
		throw new OptimisticLockingFailureException("The volunteer is changing a lot at the moment; try again");
	}

	/**
	 * The volunteer's own shifts, upcoming and past, for the holder of their key (the
	 * token of their private link) only: without one, {@code 401}; with any other, or for
	 * an unknown or erased volunteer, the same {@code 404}, naming nothing.
	 */
	MyShifts myShifts(String id, String key) {
		if (key == null || key.isBlank()) {
			throw new AuthenticationCredentialsNotFoundException("The volunteer's key (X-Manage-Token) is missing");
		}
		Volunteer volunteer = this.volunteers.volunteer(id)
			.map(VolunteerDocument::toVolunteer)
			.filter((found) -> found.holdsKey(key.strip()))
			.orElseThrow(UnknownKeyException::new);
		return new MyShifts(volunteer, this.links.calendarUrl(volunteer.id()), this.shifts.of(volunteer.id()));
	}

	/**
	 * The person followed the link sent to their address: the change asked for with it
	 * applies ({@code VolunteerUpdated}), once, and a new private link is sent to them.
	 * @return the volunteer as now changed
	 * @throws UnknownLinkException when the link names nothing pending (never issued,
	 * used, expired)
	 */
	Volunteer confirmChange(String token) {
		if (token == null || token.isBlank()) {
			throw new UnknownLinkException();
		}
		String hash = CapabilityTokens.hash(token.strip());
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			VolunteerDocument read = this.volunteers.byPendingChange(hash).orElseThrow(UnknownLinkException::new);
			Change change = read.toVolunteer().confirmChange(token, this.links, this.clock);
			if (update(read, change)) {
				log.info("Volunteer {} confirmed a change of their details", read.getId());
				return change.volunteer();
			}
		}
		throw new OptimisticLockingFailureException("The volunteer is changing a lot at the moment; try again");
	}

	/**
	 * @throws NotFoundException when unknown or erased
	 */
	Volunteer volunteer(String id, Caller caller) {
		caller.requireToken();
		Volunteer volunteer = load(id).toVolunteer();
		caller.requireChapterAccess(volunteer.chapterId());
		return volunteer;
	}

	/**
	 * The volunteers a caller may see: staff every one, a chapter its own members only
	 * (filtered in the query, so the totals count only those).
	 */
	Page<Volunteer> volunteers(Optional<String> chapterId, Optional<Interest> interest, Optional<String> email,
			Caller caller, int page, int size) {
		return volunteers(chapterId, interest, email, Optional.empty(), Optional.empty(), caller, page, size);
	}

	/**
	 * The volunteers a caller may see, also by what they said to each channel (members to
	 * e-mail, or to text).
	 */
	Page<Volunteer> volunteers(Optional<String> chapterId, Optional<Interest> interest, Optional<String> email,
			Optional<ConsentStatus> emailConsent, Optional<ConsentStatus> smsConsent, Caller caller, int page,
			int size) {
		caller.requireToken();
		String chapter = null;
		if (caller.isStaff()) {
			chapter = chapterId.orElse(null);
		}
		else if (caller.isChapter()) {
			if (chapterId.isPresent() && !chapterId.get().equals(caller.chapterId())) {
				caller.requireChapterAccess(chapterId.get());
			}
			chapter = caller.chapterId();
		}
		else {
			caller.requireStaff();
		}
		return this.volunteers.volunteers(new VolunteerStore.Selection(chapter, interest.orElse(null),
				email.map(Contact::emailKey).orElse(null), emailConsent.orElse(null), smsConsent.orElse(null)), page,
				size);
	}

	/**
	 * A volunteer's shifts and hours, for the organizers' page of a member: staff, or the
	 * volunteer's chapter. Every signup, on whichever chapter's shift.
	 * @throws NotFoundException when unknown or erased
	 */
	History history(String id, Caller caller) {
		Volunteer volunteer = volunteer(id, caller);
		return new History(volunteer, this.shifts.of(id));
	}

	/**
	 * Checks a person in at a shift on the day, who was not on its roster (or waited in
	 * line): the organizers (staff, or the shift's chapter) type their name, address,
	 * phone and consent. The person is found or made as the one-step RSVP does (a new
	 * address is a new volunteer, in the shift's chapter unless another is named, with
	 * their private link e-mailed; a known address changes nothing of the stored person,
	 * the details typed waiting for their confirmation from the mailbox), and their seat
	 * and attendance are recorded at once. Insert first, and on the unique e-mail key's
	 * duplicate take the stored volunteer.
	 * @throws InvalidInputException naming every field at fault (after the caller's
	 * right, before anything is looked at or stored)
	 */
	VolunteerShifts.CheckedIn walkIn(String shiftId, SignUp signUp, Double hours, Caller caller) {
		String organizer = this.shifts.organizerOf(shiftId, caller);
		if (signUp.chapterId() == null || signUp.chapterId().isBlank()) {
			signUp = signUp.inChapter(organizer);
		}
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		Contact contact = null;
		try {
			contact = Contact.of(signUp, this.chapters::isRegistered, how(WALK_IN_CONSENT_GIVEN_HOW, signUp),
					Volunteer.now(this.clock));
		}
		catch (InvalidInputException ex) {
			errors.addAll(ex.errors());
		}
		if (hours != null && (hours.isNaN() || hours <= 0 || hours > 24)) {
			errors.add(new InvalidInputException.FieldError("hours", "must be more than 0 and at most 24"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		this.shifts.requireTakingWalkIns(shiftId);
		String key = Contact.emailKey(contact.email());
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			Optional<VolunteerDocument> known = this.volunteers.byEmailKey(key);
			try {
				if (known.isEmpty()) {
					Change change = Volunteer.signUp(contact, this.links, this.clock);
					this.volunteers.insert(change);
					this.meters.counter("groundgame.volunteer.signups", "first", "true").increment();
					log.info("Volunteer {} signed up as a walk-in (chapter: {})", change.volunteer().id(),
							change.volunteer().chapterId());
					return this.shifts.walkIn(shiftId, change.volunteer().id(), change.volunteer().chapterId(), hours);
				}
				Volunteer volunteer = known.get().toVolunteer();
				VolunteerShifts.CheckedIn checkedIn = this.shifts.walkIn(shiftId, volunteer.id(), volunteer.chapterId(),
						hours);
				if (checkedIn.recorded()) {
					Contact typed = contact;
					change(volunteer.id(), (stored) -> stored.requestChange(typed, this.links,
							this.properties.confirmationValidity(), this.clock));
				}
				log.info("Volunteer {} checked in as a walk-in on shift {} with their address", volunteer.id(),
						shiftId);
				return checkedIn;
			}
			catch (DuplicateKeyException ex) {
				log.debug("A walk-in raced a sign-up of the same address (attempt {})", attempt);
			}
		}
		throw new OptimisticLockingFailureException(
				"Too many simultaneous sign-ups with one address; try again in a moment");
	}

	/**
	 * Moves a volunteer to another chapter: staff, or the chapter the volunteer leaves
	 * (never the one they would join, which could otherwise take in anyone's details).
	 * @throws InvalidInputException when the chapter is not registered
	 */
	Volunteer moveToChapter(String id, String chapterId, Caller caller) {
		caller.requireToken();
		if (!caller.isStaff() && !caller.isChapter()) {
			caller.requireStaff();
		}
		if (chapterId == null || chapterId.isBlank() || !this.chapters.isRegistered(chapterId.strip())) {
			throw new InvalidInputException("chapterId", "must be the id of a registered chapter");
		}
		VolunteerDocument document = load(id);
		caller.requireChapterAccess(document.toVolunteer().chapterId());
		if (chapterId.strip().equals(document.toVolunteer().chapterId())) {
			// Already there: nothing changes, nobody is told.
			return document.toVolunteer();
		}
		Change change = change(id, (volunteer) -> volunteer.moveTo(chapterId.strip(), this.clock));
		log.info("Volunteer {} moved to chapter {}", id, change.volunteer().chapterId());
		return change.volunteer();
	}

	/**
	 * Erases a volunteer's personal data (staff, or the volunteer's chapter), announcing
	 * it with {@code VolunteerErased} in the same write.
	 * @throws NotFoundException when unknown or already erased
	 */
	void erase(String id, Caller caller) {
		caller.requireToken();
		caller.requireChapterAccess(load(id).toVolunteer().chapterId());
		change(id, (volunteer) -> volunteer.erase(this.clock));
		log.info("Volunteer {} erased", id);
	}

	/**
	 * Applies a change to the volunteer as stored and writes it on the version read;
	 * reads again and retries when another write came first.
	 */
	private Change change(String id, Function<Volunteer, Change> command) {
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			VolunteerDocument read = load(id);
			Change change = command.apply(read.toVolunteer());
			if (update(read, change)) {
				return change;
			}
			log.debug("Volunteer {} changed meanwhile (attempt {})", id, attempt);
		}
		throw new OptimisticLockingFailureException("The volunteer is changing a lot at the moment; try again");
	}

	/**
	 * Writes a volunteer's change if the stored document is still at the version read.
	 * @return whether it was written
	 */
	private boolean update(VolunteerDocument read, Change change) {
		return this.volunteers.update(read, change);
	}

	private static String how(String form, SignUp signUp) {
		return form
				+ ((signUp.source() != null && !signUp.source().isBlank()) ? " (" + signUp.source().strip() + ")" : "");
	}

	/** A volunteer and every signup of theirs, for the organizers. */
	record History(Volunteer volunteer, List<VolunteerShifts.Booking> bookings) {
	}

	/** A volunteer, the address of their calendar feed, and their signups. */
	record MyShifts(Volunteer volunteer, String calendarUrl, List<VolunteerShifts.Booking> bookings) {
	}

	/**
	 * A sign-up accepted: the volunteer's id and what was signed up with, checked.
	 *
	 * @param id the volunteer's id: for staff's answer only, never the public's
	 * @param created whether the address was new
	 */
	record SignedUp(String id, Contact contact, boolean created) {
	}

	private VolunteerDocument load(String id) {
		return this.volunteers.volunteer(id)
			.filter((document) -> !document.toVolunteer().erased())
			.orElseThrow(() -> new NotFoundException("volunteer", id));
	}

}
