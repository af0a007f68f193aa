package org.groundgame.events.volunteer;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * A volunteer with a seat on a shift is due a reminder of it: published once per signup,
 * the day before the shift starts (or at once for a signup made later than that), however
 * many instances of volunteer-service run.
 */
@EventType(value = "org.groundgame.volunteer.ShiftReminderDue.v1", topic = Topics.VOLUNTEER,
		description = "A registered volunteer is due a reminder of their shift, the day before it.")
public record ShiftReminderDue(String eventId, Instant occurredAt, String shiftId, String signupId, String volunteerId,
		ShiftSummary shift) implements DomainEvent {

	/** Keyed by the shift: the events of one shift's roster stay in order. */
	@Override
	public String aggregateId() {
		return this.shiftId;
	}

}
