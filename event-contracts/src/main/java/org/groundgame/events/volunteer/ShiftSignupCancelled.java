package org.groundgame.events.volunteer;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * A signup was cancelled: by the volunteer, by the shift's organizers, or because the
 * volunteer was erased.
 *
 * @param wasWaitlisted whether the signup was on the waitlist (no seat freed)
 * @param reason {@code VOLUNTEER}, {@code ORGANIZER} or {@code ERASURE}; tolerate values
 * not listed yet
 */
@EventType(value = "org.groundgame.volunteer.ShiftSignupCancelled.v1", topic = Topics.VOLUNTEER,
		description = "A volunteer's signup for a shift was cancelled.")
public record ShiftSignupCancelled(String eventId, Instant occurredAt, String shiftId, String signupId,
		String volunteerId, boolean wasWaitlisted, String reason, ShiftSummary shift) implements DomainEvent {

	/** Keyed by the shift: the events of one shift's roster stay in order. */
	@Override
	public String aggregateId() {
		return this.shiftId;
	}

}
