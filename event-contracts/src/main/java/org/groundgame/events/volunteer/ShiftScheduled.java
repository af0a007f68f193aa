package org.groundgame.events.volunteer;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * A shift was added to an opportunity: when, where and how many volunteers it takes.
 *
 * @param capacity how many volunteers the shift takes; more are waitlisted
 */
@EventType(value = "org.groundgame.volunteer.ShiftScheduled.v1", topic = Topics.VOLUNTEER,
		description = "A shift was added to a volunteer opportunity.")
public record ShiftScheduled(String eventId, Instant occurredAt, String shiftId, ShiftSummary shift,
		int capacity) implements DomainEvent {

	/** Keyed by the shift: the events of one shift's roster stay in order. */
	@Override
	public String aggregateId() {
		return this.shiftId;
	}

}
