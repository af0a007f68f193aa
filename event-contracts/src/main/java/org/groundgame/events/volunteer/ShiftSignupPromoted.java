package org.groundgame.events.volunteer;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * A seat freed on a full shift (a cancellation, or more capacity) and went to the first
 * volunteer on its waitlist, who is now {@code REGISTERED}: the promotion is automatic,
 * nobody has to accept or hand it out. The "seat offered / promoted" event: it tells the
 * volunteer they have a seat.
 */
@EventType(value = "org.groundgame.volunteer.ShiftSignupPromoted.v1", topic = Topics.VOLUNTEER,
		description = "A seat freed on a full shift went to the first volunteer on its waitlist.")
public record ShiftSignupPromoted(String eventId, Instant occurredAt, String shiftId, String signupId,
		String volunteerId, ShiftSummary shift) implements DomainEvent {

	/** Keyed by the shift: the events of one shift's roster stay in order. */
	@Override
	public String aggregateId() {
		return this.shiftId;
	}

}
