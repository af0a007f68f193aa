package org.groundgame.events.volunteer;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;

/**
 * A volunteer was given their private link: on their first sign-up, and again when they
 * confirmed a change of their details (the link before stops working). The link lets them
 * RSVP for shifts and cancel or confirm their signups without an account; the calendar
 * link opens their own feed of shifts. Both go to the volunteer's mailbox only, never in
 * an answer to whoever asked: knowing a volunteer's id proves nothing.
 * <p>
 * Personal data: {@code name} and {@code email}, for the e-mail that carries the links
 * (transactional: it is why the address was given, so no consent is asked). Secrets:
 * {@code manageUrl} holds a capability token (volunteer-service keeps only its hash) and
 * {@code calendarUrl} the volunteer's feed token. Their only use is that e-mail: never
 * log them, and keep them no longer than the delivery needs. {@link #toString()} leaves
 * all four out.
 *
 * @param volunteerId the volunteer
 * @param name the name the volunteer is known by, to greet them. Personal data.
 * @param email the volunteer's address, where the links go. Personal data.
 * @param manageUrl a secret: the private link to RSVP and manage signups (its token in
 * the fragment)
 * @param calendarUrl a secret: the address of the volunteer's own calendar feed
 * @param language the language the volunteer reads, {@code en} or {@code es}, to write
 * the e-mail in; {@code null} from earlier producers (read it as {@code en}). Not
 * personal data.
 */
@EventType(value = "org.groundgame.volunteer.VolunteerLinkIssued.v1", topic = Topics.VOLUNTEER,
		description = "A volunteer was e-mailed their private link to RSVP and manage their signups.")
public record VolunteerLinkIssued(String eventId, Instant occurredAt, String volunteerId, @PersonalData String name,
		@PersonalData String email, @PersonalData String manageUrl, @PersonalData String calendarUrl,
		String language) implements DomainEvent {

	/** A link as the event described it before it carried the language. */
	public VolunteerLinkIssued(String eventId, Instant occurredAt, String volunteerId, String name, String email,
			String manageUrl, String calendarUrl) {
		this(eventId, occurredAt, volunteerId, name, email, manageUrl, calendarUrl, null);
	}

	@Override
	public String aggregateId() {
		return this.volunteerId;
	}

	/**
	 * Without the name, the address and the links, so that logging an event leaks none.
	 */
	@Override
	public String toString() {
		return "VolunteerLinkIssued[eventId=" + this.eventId + ", occurredAt=" + this.occurredAt + ", volunteerId="
				+ this.volunteerId + ", language=" + this.language + "]";
	}

}
