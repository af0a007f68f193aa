package org.groundgame.events.volunteer;

import java.time.Instant;
import java.util.List;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * The organizers called a shift off: nobody is expected any more. Names the volunteers
 * who held a seat or waited in line by their ids only, so that a consumer that writes to
 * them uses its own copy of their contact details and consent; their signups keep their
 * status (the shift's status says it is off).
 *
 * @param reason why, in the organizers' words (told to the volunteers; nothing personal
 * is asked for)
 * @param volunteerIds the volunteers with a seat ({@code REGISTERED}, {@code CONFIRMED})
 * or in line ({@code WAITLISTED}) when it was called off
 * @param withOpportunity whether the whole opportunity was cancelled (its
 * {@code OpportunityCancelled} tells the organizers once for all its shifts)
 * @param shift the shift as it was scheduled
 */
@EventType(value = "org.groundgame.volunteer.ShiftCancelled.v1", topic = Topics.VOLUNTEER,
		description = "The organizers cancelled a shift; its volunteers and waitlist are to be told.")
public record ShiftCancelled(String eventId, Instant occurredAt, String shiftId, String reason,
		List<String> volunteerIds, boolean withOpportunity, ShiftSummary shift) implements DomainEvent {

	public ShiftCancelled {
		volunteerIds = (volunteerIds != null) ? List.copyOf(volunteerIds) : List.of();
	}

	/** Keyed by the shift: the events of one shift's roster stay in order. */
	@Override
	public String aggregateId() {
		return this.shiftId;
	}

}
