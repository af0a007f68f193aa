package org.groundgame.volunteer.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.events.volunteer.VolunteerUpdated;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.support.geography.UsState;

/**
 * A person who signed up to volunteer. One volunteer per e-mail address, compared without
 * case or surrounding blanks ({@link Contact#emailKey}); the store enforces that across
 * concurrent sign-ups. An erased volunteer keeps only its id, its chapter and when it was
 * erased: nothing that names or reaches the person.
 */
record Volunteer(String id, String name, String email, String phone, String zip, UsState state, String chapterId,
		Set<Interest> interests, ChannelConsent emailConsent, ChannelConsent smsConsent, String source,
		String referralCode, Instant signedUpAt, Instant updatedAt, Instant erasedAt) {

	Volunteer {
		Objects.requireNonNull(id, "id");
		interests = (interests == null || interests.isEmpty()) ? Set.of() : Set.copyOf(EnumSet.copyOf(interests));
		emailConsent = (emailConsent != null) ? emailConsent : ChannelConsent.UNSPECIFIED;
		smsConsent = (smsConsent != null) ? smsConsent : ChannelConsent.UNSPECIFIED;
	}

	/** Millisecond precision: what the store keeps. */
	static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * A new volunteer.
	 * @return the volunteer and its {@code VolunteerSignedUp} (a first sign-up)
	 */
	static Change signUp(Contact contact, Clock clock) {
		Instant now = now(clock);
		Volunteer volunteer = new Volunteer(UUID.randomUUID().toString(), contact.name(), contact.email(),
				contact.phone(), contact.zip(), contact.state(), contact.chapterId(), contact.interests(),
				contact.emailConsent(), contact.smsConsent(), contact.source(), contact.referralCode(), now, now, null);
		return new Change(volunteer, volunteer.signedUp(now));
	}

	/**
	 * The same person signing up again: what they give now replaces what they gave
	 * before; what they leave out (a phone, a chapter, a consent) stays as it was.
	 * @return the volunteer and its {@code VolunteerUpdated} ({@code previousChapterId}
	 * the chapter before, the same one unless the sign-up names another)
	 */
	Change signUpAgain(Contact contact, Clock clock) {
		requireNotErased();
		Instant now = now(clock);
		Volunteer volunteer = new Volunteer(this.id, contact.name(), contact.email(), or(contact.phone(), this.phone),
				or(contact.zip(), this.zip), or(contact.state(), this.state), or(contact.chapterId(), this.chapterId),
				contact.interests().isEmpty() ? this.interests : contact.interests(),
				this.emailConsent.restatedAs(contact.emailConsent()), this.smsConsent.restatedAs(contact.smsConsent()),
				or(contact.source(), this.source), or(contact.referralCode(), this.referralCode), this.signedUpAt, now,
				null);
		return new Change(volunteer, volunteer.updated(now, this.chapterId));
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
				this.signedUpAt, now, null);
		return new Change(volunteer, volunteer.updated(now, this.chapterId));
	}

	/**
	 * Erases the person: nothing that names or reaches them is kept.
	 * @return the tombstone and its {@code VolunteerErased}
	 * @throws NotFoundException when already erased
	 */
	Change erase(Clock clock) {
		requireNotErased();
		Instant now = now(clock);
		Volunteer tombstone = new Volunteer(this.id, null, null, null, null, null, this.chapterId, Set.of(), null, null,
				null, null, null, null, now);
		return new Change(tombstone, new VolunteerErased(UUID.randomUUID().toString(), now, this.id));
	}

	boolean erased() {
		return this.erasedAt != null;
	}

	/** The key the store keeps unique; an erased volunteer's names nobody. */
	String emailKey() {
		return erased() ? "erased:" + this.id : Contact.emailKey(this.email);
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
				stateCode(), consent(), true);
	}

	private VolunteerUpdated updated(Instant now, String previousChapterId) {
		return new VolunteerUpdated(UUID.randomUUID().toString(), now, this.id, this.chapterId, previousChapterId,
				this.name, this.email, stateCode(), consent());
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

	/** A volunteer as changed, and the event the change caused. */
	record Change(Volunteer volunteer, DomainEvent event) {
	}

}
