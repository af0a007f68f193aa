package org.groundgame.events.volunteer;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;

/**
 * A person signed up to volunteer ("join the team") for the first time. Signing up again
 * with the same e-mail updates the same volunteer and publishes {@link VolunteerUpdated}
 * instead (producers before it published this event again with {@code firstSignUp} false;
 * consumers still read both). Consumers keep the newest details by {@code occurredAt}.
 * <p>
 * Personal data: {@code name} and {@code email}. Consumers keep them only while they need
 * them, never log them, and erase them on {@link VolunteerErased}. The phone number, zip
 * code and interests the volunteer gave are left out on purpose: no consumer needs them
 * (a consumer that comes to need one gets a new version of this event).
 *
 * @param chapterId the chapter the volunteer joined, or {@code null} for a volunteer
 * without a chapter
 * @param name the name as the volunteer gave it, to greet them by
 * @param email the volunteer's e-mail address, to write to them only if
 * {@code consent.email} is true
 * @param state the two-letter US state code the volunteer gave
 * @param consent the channels the volunteer agreed to be contacted through, as of this
 * sign-up
 * @param firstSignUp whether this person is a new volunteer: always true now (a sign-up
 * again is a {@link VolunteerUpdated}); false only in events of earlier producers
 * @param language the language the volunteer reads, {@code en} or {@code es}, for what is
 * written to them; {@code null} from earlier producers (read it as {@code en}). Not
 * personal data.
 */
@EventType(value = "org.groundgame.volunteer.VolunteerSignedUp.v1", topic = Topics.VOLUNTEER,
		description = "A person signed up to volunteer for the first time.")
public record VolunteerSignedUp(String eventId, Instant occurredAt, String volunteerId, String chapterId,
		@PersonalData String name, @PersonalData String email, String state, Consent consent, boolean firstSignUp,
		String language) implements DomainEvent {

	/** A sign-up as the event described it before it carried the language. */
	public VolunteerSignedUp(String eventId, Instant occurredAt, String volunteerId, String chapterId, String name,
			String email, String state, Consent consent, boolean firstSignUp) {
		this(eventId, occurredAt, volunteerId, chapterId, name, email, state, consent, firstSignUp, null);
	}

	@Override
	public String aggregateId() {
		return this.volunteerId;
	}

	/**
	 * Without the name and the e-mail address, so that logging an event leaks neither.
	 */
	@Override
	public String toString() {
		return "VolunteerSignedUp[eventId=" + this.eventId + ", occurredAt=" + this.occurredAt + ", volunteerId="
				+ this.volunteerId + ", chapterId=" + this.chapterId + ", state=" + this.state + ", consent="
				+ this.consent + ", firstSignUp=" + this.firstSignUp + ", language=" + this.language + "]";
	}

	/**
	 * How the volunteer agreed to be contacted. A reader that finds no consent must
	 * assume none was given.
	 *
	 * @param email the volunteer may be e-mailed
	 * @param sms the volunteer may be sent text messages
	 */
	public record Consent(boolean email, boolean sms) {

		/** No consent to anything. */
		public static final Consent NONE = new Consent(false, false);

	}

}
