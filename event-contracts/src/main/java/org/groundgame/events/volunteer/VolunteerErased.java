package org.groundgame.events.volunteer;

import java.time.Instant;
import java.util.List;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * A volunteer's personal data was erased at their request or their chapter's. Every
 * consumer erases what it holds of that person (their contact details and whatever names
 * them) and must not take in an older {@link VolunteerSignedUp} of theirs that arrives
 * later. Carries nothing personal: only the id to erase.
 */
@EventType(value = "org.groundgame.volunteer.VolunteerErased.v1", topic = Topics.VOLUNTEER,
		description = "A volunteer's personal data was erased; every service erases what it holds of them.")
public record VolunteerErased(String eventId, Instant occurredAt, String volunteerId) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.volunteerId;
	}

	@Override
	public List<String> erasedPersonalDataSubjects() {
		return List.of(this.volunteerId);
	}

}
