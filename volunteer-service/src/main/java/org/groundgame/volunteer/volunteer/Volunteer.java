package org.groundgame.volunteer.volunteer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.volunteer.VolunteerChangeRequested;
import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.events.volunteer.VolunteerLinkIssued;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.events.volunteer.VolunteerUpdated;
import org.groundgame.support.domain.CapabilityTokens;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.support.geography.UsState;
import org.groundgame.volunteer.volunteer.VolunteerShifts.HeldSignup;

/**
 * A person who signed up to volunteer. One volunteer per e-mail address, compared without
 * case or surrounding blanks ({@link Contact#emailKey}); the store enforces that across
 * concurrent sign-ups. A volunteer holds the hash of their key (the token of the private
 * link e-mailed to them, with which they RSVP and manage their signups) and at most one
 * change asked for with their address and not yet confirmed from their mailbox. An erased
 * volunteer keeps only its id, its chapter and when it was erased: nothing that names or
 * reaches the person.
 *
 * @param manageTokenHash the SHA-256 of the volunteer's key, {@code null} for none
 * @param pendingChange a sign-up again with their address, awaiting their confirmation,
 * or {@code null}
 * @param language the language they read (English unless they said otherwise)
 */
record Volunteer(String id, String name, String email, String phone, String zip, UsState state, String chapterId,
		Set<Interest> interests, ChannelConsent emailConsent, ChannelConsent smsConsent, String source,
		String referralCode, Instant signedUpAt, Instant updatedAt, Instant erasedAt, String manageTokenHash,
		PendingChange pendingChange, Language language) {

	Volunteer {
		Objects.requireNonNull(id, "id");
		language = (language != null) ? language : Language.EN;
		interests = (interests == null || interests.isEmpty()) ? Set.of() : Set.copyOf(EnumSet.copyOf(interests));
		emailConsent = (emailConsent != null) ? emailConsent : ChannelConsent.UNSPECIFIED;
		smsConsent = (smsConsent != null) ? smsConsent : ChannelConsent.UNSPECIFIED;
	}

	/** Millisecond precision: what the store keeps. */
	static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * A new volunteer, with their key: the private link goes to the address they gave.
	 * @return the volunteer, its {@code VolunteerSignedUp} (a first sign-up) and its
	 * {@code VolunteerLinkIssued}
	 */
	static Change signUp(Contact contact, VolunteerLinks links, Clock clock) {
		Instant now = now(clock);
		String id = UUID.randomUUID().toString();
		VolunteerLinks.Key key = links.newKey(id);
		Volunteer volunteer = new Volunteer(id, contact.name(), contact.email(), contact.phone(), contact.zip(),
				contact.state(), contact.chapterId(), contact.interests(), contact.emailConsent(), contact.smsConsent(),
				contact.source(), contact.referralCode(), now, now, null, key.tokenHash(), null, contact.language());
		return new Change(volunteer, List.of(volunteer.signedUp(now), volunteer.linkIssued(now, key)));
	}

	/**
	 * The same person signing up again: what they give now replaces what they gave
	 * before; what they leave out (a phone, a chapter, a consent) stays as it was. Only
	 * for a change the person confirmed, or one staff made.
	 * @return the volunteer and its {@code VolunteerUpdated} ({@code previousChapterId}
	 * the chapter before, the same one unless the sign-up names another)
	 */
	Change signUpAgain(Contact contact, Clock clock) {
		requireNotErased();
		Instant now = now(clock);
		Volunteer volunteer = applied(contact, now, this.manageTokenHash, this.pendingChange);
		return new Change(volunteer, List.of(volunteer.updated(now, this.chapterId)));
	}

	/**
	 * Someone signed up with this volunteer's address, without proof that they are the
	 * volunteer: nothing changes but the change kept aside, until the person confirms it
	 * with the single-use link sent to their address. A newer request replaces an older
	 * one (its link stops working).
	 * @return the volunteer with the change pending, and its
	 * {@code VolunteerChangeRequested} (greeting the person by the name known, not the
	 * one typed)
	 */
	Change requestChange(Contact contact, VolunteerLinks links, Duration validity, Clock clock) {
		return requestChange(contact, null, links, validity, clock);
	}

	/**
	 * Someone RSVPed for a shift with this volunteer's address (or signed up again with
	 * it): the place on the shift was held for the volunteer at once, and the details
	 * given wait for the person's confirmation as with
	 * {@link #requestChange(Contact, VolunteerLinks, Duration, Clock)}. The places held
	 * with the requests not yet confirmed stay listed with the newest one, so that its
	 * link can give every one of them up ({@link #decline}).
	 * @param held the place just held, or {@code null} for none (a sign-up again, or an
	 * RSVP for a shift the volunteer already had a place on)
	 * @return the volunteer with the change pending, and its
	 * {@code VolunteerChangeRequested} naming the place held, in the language the
	 * volunteer is known to read
	 */
	Change requestChange(Contact contact, VolunteerShifts.Place held, VolunteerLinks links, Duration validity,
			Clock clock) {
		requireNotErased();
		Instant now = now(clock);
		VolunteerLinks.Confirmation confirmation = links.newConfirmation();
		List<HeldSignup> places = new ArrayList<>();
		if (this.pendingChange != null) {
			places.addAll(this.pendingChange.held());
		}
		if (held != null && places.stream().noneMatch((place) -> place.signupId().equals(held.signupId()))) {
			places.add(new HeldSignup(held.shiftId(), held.signupId()));
		}
		PendingChange pending = new PendingChange(contact, confirmation.tokenHash(), now, now.plus(validity), places);
		Volunteer volunteer = withPending(pending);
		List<VolunteerChangeRequested.HeldShift> heldShifts = (held != null)
				? List.of(new VolunteerChangeRequested.HeldShift(held.shiftId(), held.status(), held.waitlistPosition(),
						held.shift()))
				: List.of();
		return new Change(volunteer, List.of(new VolunteerChangeRequested(UUID.randomUUID().toString(), now, this.id,
				this.name, this.email, confirmation.url(), pending.expiresAt(), this.language.code(), heldShifts)));
	}

	/**
	 * The person followed the link sent to their address and said it was not them: the
	 * details asked for are dropped, the link is spent, and the places held with the
	 * requests (listed in the pending change) are for the caller to give up. An expired
	 * link still declines: declining only gives things up.
	 * @return the volunteer without the change pending (no event: nothing about the
	 * volunteer changed)
	 * @throws UnknownLinkException when no change is pending under that token
	 */
	Change decline(String token) {
		if (erased() || this.pendingChange == null || !this.pendingChange.confirmedBy(token)) {
			throw new UnknownLinkException();
		}
		return new Change(withPending(null), List.of());
	}

	/**
	 * The person followed the link sent to their address: the change they were asked to
	 * confirm applies, the link is spent, and a new key replaces the old one (so that
	 * signing up again is also how a volunteer who lost their link gets a new one).
	 * @return the volunteer changed, its {@code VolunteerUpdated} and its
	 * {@code VolunteerLinkIssued}
	 * @throws UnknownLinkException when no change is pending under that token, or it
	 * expired
	 */
	Change confirmChange(String token, VolunteerLinks links, Clock clock) {
		Instant now = now(clock);
		if (erased() || this.pendingChange == null || !this.pendingChange.confirmedBy(token)
				|| !now.isBefore(this.pendingChange.expiresAt())) {
			throw new UnknownLinkException();
		}
		VolunteerLinks.Key key = links.newKey(this.id);
		Volunteer volunteer = applied(this.pendingChange.contact(), now, key.tokenHash(), null);
		return new Change(volunteer, List.of(volunteer.updated(now, this.chapterId), volunteer.linkIssued(now, key)));
	}

	/** Whether a token is this volunteer's key (compared in constant time). */
	boolean holdsKey(String token) {
		return !erased() && CapabilityTokens.matches(token, this.manageTokenHash);
	}

	/**
	 * The volunteer joins another chapter.
	 * @return the volunteer and its {@code VolunteerUpdated}, whose
	 * {@code previousChapterId} is the chapter they leave
	 */
	Change moveTo(String newChapterId, Clock clock) {
		requireNotErased();
		Instant now = now(clock);
		Volunteer volunteer = new Volunteer(this.id, this.name, this.email, this.phone, this.zip, this.state,
				newChapterId, this.interests, this.emailConsent, this.smsConsent, this.source, this.referralCode,
				this.signedUpAt, now, null, this.manageTokenHash, this.pendingChange, this.language);
		return new Change(volunteer, List.of(volunteer.updated(now, this.chapterId)));
	}

	/**
	 * Erases the person: nothing that names or reaches them is kept, their key and any
	 * change pending included.
	 * @return the tombstone and its {@code VolunteerErased}
	 * @throws NotFoundException when already erased
	 */
	Change erase(Clock clock) {
		requireNotErased();
		Instant now = now(clock);
		Volunteer tombstone = tombstone(this.id, this.chapterId, now);
		return new Change(tombstone, List.of(new VolunteerErased(UUID.randomUUID().toString(), now, this.id)));
	}

	/**
	 * What is left of an erased volunteer: its id, its chapter (the hours counted for it
	 * stay counted) and when it was erased.
	 */
	static Volunteer tombstone(String id, String chapterId, Instant erasedAt) {
		return new Volunteer(id, null, null, null, null, null, chapterId, Set.of(), null, null, null, null, null, null,
				erasedAt, null, null, null);
	}

	boolean erased() {
		return this.erasedAt != null;
	}

	/** The key the store keeps unique; an erased volunteer's names nobody. */
	String emailKey() {
		return erased() ? "erased:" + this.id : Contact.emailKey(this.email);
	}

	private Volunteer applied(Contact contact, Instant now, String keyHash, PendingChange pending) {
		return new Volunteer(this.id, contact.name(), contact.email(), or(contact.phone(), this.phone),
				or(contact.zip(), this.zip), or(contact.state(), this.state), or(contact.chapterId(), this.chapterId),
				contact.interests().isEmpty() ? this.interests : contact.interests(),
				this.emailConsent.restatedAs(contact.emailConsent()), this.smsConsent.restatedAs(contact.smsConsent()),
				or(contact.source(), this.source), or(contact.referralCode(), this.referralCode), this.signedUpAt, now,
				null, keyHash, pending, or(contact.language(), this.language));
	}

	private Volunteer withPending(PendingChange pending) {
		return new Volunteer(this.id, this.name, this.email, this.phone, this.zip, this.state, this.chapterId,
				this.interests, this.emailConsent, this.smsConsent, this.source, this.referralCode, this.signedUpAt,
				this.updatedAt, null, this.manageTokenHash, pending, this.language);
	}

	/**
	 * The name to greet the person by on their own pages: the first word of the name they
	 * gave.
	 */
	String firstName() {
		if (this.name == null || this.name.isBlank()) {
			return null;
		}
		return this.name.strip().split("\\s+", 2)[0];
	}

	private void requireNotErased() {
		if (erased()) {
			throw new NotFoundException("volunteer", this.id);
		}
	}

	/**
	 * Only ever a first sign-up: {@code firstSignUp} stays in the event, always true, for
	 * the consumers that read it.
	 */
	private VolunteerSignedUp signedUp(Instant now) {
		return new VolunteerSignedUp(UUID.randomUUID().toString(), now, this.id, this.chapterId, this.name, this.email,
				stateCode(), consent(), true, this.language.code());
	}

	private VolunteerUpdated updated(Instant now, String previousChapterId) {
		return new VolunteerUpdated(UUID.randomUUID().toString(), now, this.id, this.chapterId, previousChapterId,
				this.name, this.email, stateCode(), consent(), this.language.code());
	}

	private VolunteerLinkIssued linkIssued(Instant now, VolunteerLinks.Key key) {
		return new VolunteerLinkIssued(UUID.randomUUID().toString(), now, this.id, this.name, this.email,
				key.manageUrl(), key.calendarUrl(), this.language.code());
	}

	private String stateCode() {
		return (this.state != null) ? this.state.code() : null;
	}

	private VolunteerSignedUp.Consent consent() {
		return new VolunteerSignedUp.Consent(this.emailConsent.optedIn(), this.smsConsent.optedIn());
	}

	private static <T> T or(T given, T before) {
		return (given != null) ? given : before;
	}

	/** Never the person's data in a log line. */
	@Override
	public String toString() {
		return "Volunteer[id=" + this.id + ", chapterId=" + this.chapterId + ", erased=" + erased() + "]";
	}

	/**
	 * A volunteer as changed, and the events the change caused (the first is the one the
	 * change is about).
	 */
	record Change(Volunteer volunteer, List<DomainEvent> events) {

		Change {
			events = List.copyOf(events);
		}

		DomainEvent event() {
			return this.events.get(0);
		}

	}

	/**
	 * A sign-up again with the volunteer's address, kept aside until the person confirms
	 * it: what was asked, the hash of the single-use token of the link sent to their
	 * address, and until when it may be confirmed.
	 */
	record PendingChange(Contact contact, String tokenHash, Instant requestedAt, Instant expiresAt,
			List<HeldSignup> held) {

		PendingChange {
			Objects.requireNonNull(contact, "contact");
			Objects.requireNonNull(tokenHash, "tokenHash");
			Objects.requireNonNull(expiresAt, "expiresAt");
			held = (held != null) ? List.copyOf(held) : List.of();
		}

		boolean confirmedBy(String token) {
			return CapabilityTokens.matches(token, this.tokenHash);
		}

		@Override
		public String toString() {
			return "PendingChange[requestedAt=" + this.requestedAt + ", expiresAt=" + this.expiresAt + ", held="
					+ this.held + "]";
		}

	}

}
