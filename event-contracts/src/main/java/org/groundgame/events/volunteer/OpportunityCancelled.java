package org.groundgame.events.volunteer;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * The organizers cancelled an opportunity: it takes no RSVP any more, and each of its
 * shifts not over yet was cancelled with it (one {@code ShiftCancelled} each, which tells
 * its volunteers). Carries nothing personal.
 *
 * @param chapterId the chapter organizing it, or {@code null} for national staff
 * @param endorsementId the endorsement the opportunity works for, or {@code null}
 * @param reason why, in the organizers' words
 * @param shiftsCancelled how many of its shifts were cancelled with it
 */
@EventType(value = "org.groundgame.volunteer.OpportunityCancelled.v1", topic = Topics.VOLUNTEER,
		description = "The organizers cancelled a volunteer opportunity and its shifts not over yet.")
public record OpportunityCancelled(String eventId, Instant occurredAt, String opportunityId, String title, String type,
		String state, String chapterId, String endorsementId, String reason,
		int shiftsCancelled) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.opportunityId;
	}

}
