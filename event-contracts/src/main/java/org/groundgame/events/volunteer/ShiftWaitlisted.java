package org.groundgame.events.volunteer;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * A volunteer signed up for a full shift and was put on its waitlist; a seat that frees
 * up goes to the first in line automatically ({@link ShiftSignupPromoted}).
 *
 * @param position the volunteer's place in line, from 1
 */
@EventType(value = "org.groundgame.volunteer.ShiftWaitlisted.v1", topic = Topics.VOLUNTEER,
		description = "A volunteer signed up for a full shift and is on its waitlist.")
public record ShiftWaitlisted(String eventId, Instant occurredAt, String shiftId, String signupId, String volunteerId,
		int position, ShiftSummary shift) implements DomainEvent {

	/** Keyed by the shift: the events of one shift's roster stay in order. */
	@Override
	public String aggregateId() {
		return this.shiftId;
	}

}
