package org.groundgame.events.volunteer;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * A volunteer signed up for a shift and has a seat on it ({@code REGISTERED}). Tells them
 * when and where; their contact details are not in the event (consumers that write to
 * them keep their own, with their consent).
 */
@EventType(value = "org.groundgame.volunteer.ShiftSignupConfirmed.v1", topic = Topics.VOLUNTEER,
		description = "A volunteer has a seat on a shift (REGISTERED).")
public record ShiftSignupConfirmed(String eventId, Instant occurredAt, String shiftId, String signupId,
		String volunteerId, ShiftSummary shift) implements DomainEvent {

	/** Keyed by the shift: the events of one shift's roster stay in order. */
	@Override
	public String aggregateId() {
		return this.shiftId;
	}

}
