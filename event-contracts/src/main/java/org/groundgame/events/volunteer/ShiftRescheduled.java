package org.groundgame.events.volunteer;

import java.time.Instant;
import java.util.List;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * The organizers moved a shift to another time (and possibly another place). Names the
 * volunteers with a seat or in line by their ids only; their places stay as they were.
 *
 * @param previousStartsAt when it was to start
 * @param previousEndsAt when it was to end
 * @param previousLocation where it was to be, or {@code null}
 * @param volunteerIds the volunteers with a seat ({@code REGISTERED}, {@code CONFIRMED})
 * or in line ({@code WAITLISTED})
 * @param shift the shift as it now is: its new times and place
 */
@EventType(value = "org.groundgame.volunteer.ShiftRescheduled.v1", topic = Topics.VOLUNTEER,
		description = "The organizers moved a shift to another time or place; its volunteers and waitlist are to be told.")
public record ShiftRescheduled(String eventId, Instant occurredAt, String shiftId, Instant previousStartsAt,
		Instant previousEndsAt, String previousLocation, List<String> volunteerIds,
		ShiftSummary shift) implements DomainEvent {

	public ShiftRescheduled {
		volunteerIds = (volunteerIds != null) ? List.copyOf(volunteerIds) : List.of();
	}

	/** Keyed by the shift: the events of one shift's roster stay in order. */
	@Override
	public String aggregateId() {
		return this.shiftId;
	}

}
