package org.groundgame.events.volunteer;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * A person signed up to volunteer ("join the team"), or signed up again: signing up again
 * with the same e-mail updates the same volunteer, and publishes this event again with
 * their new contact details and consent ({@code firstSignUp} false). Consumers keep the
 * newest by {@code occurredAt}.
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
 * @param firstSignUp whether this person is a new volunteer, rather than one who signed
 * up again
 */
@EventType(value = "org.groundgame.volunteer.VolunteerSignedUp.v1", topic = Topics.VOLUNTEER,
		description = "A person signed up to volunteer, or signed up again with new contact details or consent.")
public record VolunteerSignedUp(String eventId, Instant occurredAt, String volunteerId, String chapterId, String name,
		String email, String state, Consent consent, boolean firstSignUp) implements DomainEvent {

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
				+ this.consent + ", firstSignUp=" + this.firstSignUp + "]";
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
