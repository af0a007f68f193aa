package org.groundgame.notification.people.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.events.volunteer.VolunteerSignedUp.Consent;
import org.groundgame.events.volunteer.VolunteerUpdated;

/**
 * A person's contact and consent as one sign-up (or update of their details) gave them,
 * and when. The people projection keeps each person's newest sign-up: the events of one
 * volunteer come in order, but an older one may still come again (a redelivery, a replay)
 * after newer ones, and must then change nothing, nor bring back a person erased since.
 */
public record SignUp(Person person, Instant occurredAt) {

	/**
	 * Times are kept to the millisecond, as stores keep them, so that a sign-up compares
	 * the same before and after it was stored.
	 */
	public SignUp {
		Objects.requireNonNull(person, "person");
		occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MILLIS);
	}

	/** The sign-up an event tells of; a sign-up without consent consents to nothing. */
	public static SignUp of(VolunteerSignedUp event) {
		return of(event.volunteerId(), event.name(), event.email(), event.consent(), event.chapterId(),
				event.language(), event.occurredAt());
	}

	/**
	 * A volunteer's details as an update tells of them (they signed up again, or moved to
	 * another chapter): taken in like a sign-up, the newest winning.
	 */
	public static SignUp of(VolunteerUpdated event) {
		return of(event.volunteerId(), event.name(), event.email(), event.consent(), event.chapterId(),
				event.language(), event.occurredAt());
	}

	private static SignUp of(String volunteerId, String name, String email, Consent given, String chapterId,
			String language, Instant occurredAt) {
		Consent consent = (given != null) ? given : Consent.NONE;
		Person person = new Person(volunteerId, strip(name), strip(email), consent.email(), consent.sms(),
				strip(chapterId), strip(language));
		return new SignUp(person, occurredAt);
	}

	/**
	 * Whether this sign-up is to replace what is known of the person: it is not older
	 * than the latest sign-up applied (of two at the same instant, the later delivered
	 * wins), and it happened after the person's erasure, if they were ever erased.
	 * @param latest the sign-up known so far, if any
	 * @param erasedAt when the person was erased, if they were
	 */
	public boolean replaces(Optional<SignUp> latest, Optional<Instant> erasedAt) {
		if (erasedAt.isPresent() && !this.occurredAt.isAfter(erasedAt.get().truncatedTo(ChronoUnit.MILLIS))) {
			return false;
		}
		return latest.map((known) -> !this.occurredAt.isBefore(known.occurredAt())).orElse(true);
	}

	/** Surrounding blanks dropped; a blank is no value. */
	private static String strip(String text) {
		return (text != null && !text.isBlank()) ? text.strip() : null;
	}

}
