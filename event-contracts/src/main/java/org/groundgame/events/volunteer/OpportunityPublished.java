package org.groundgame.events.volunteer;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * A draft opportunity was published: volunteers can see it and sign up for its shifts.
 * Carries nothing personal.
 *
 * @param chapterId the chapter organizing it, or {@code null} for national staff
 * @param endorsementId the endorsement the opportunity works for, or {@code null}
 */
@EventType(value = "org.groundgame.volunteer.OpportunityPublished.v1", topic = Topics.VOLUNTEER,
		description = "A draft volunteer opportunity was published, open to volunteers.")
public record OpportunityPublished(String eventId, Instant occurredAt, String opportunityId, String title, String type,
		String state, String chapterId, String endorsementId) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.opportunityId;
	}

}
