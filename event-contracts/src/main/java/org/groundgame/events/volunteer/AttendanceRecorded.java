package org.groundgame.events.volunteer;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * Organizers recorded whether a volunteer came to a shift ({@code ATTENDED}, with their
 * hours) or not ({@code NO_SHOW}). Recorded again, it corrects the earlier record: the
 * newest by {@code occurredAt} counts.
 *
 * @param volunteerChapterId the volunteer's chapter, whose totals the hours count for, or
 * {@code null}
 * @param hours the hours volunteered, {@code 0} for a no-show
 */
@EventType(value = "org.groundgame.volunteer.AttendanceRecorded.v1", topic = Topics.VOLUNTEER,
		description = "Organizers recorded whether a volunteer attended a shift, and their hours.")
public record AttendanceRecorded(String eventId, Instant occurredAt, String shiftId, String signupId,
		String volunteerId, String volunteerChapterId, boolean attended, double hours,
		ShiftSummary shift) implements DomainEvent {

	/** Keyed by the shift: the events of one shift's roster stay in order. */
	@Override
	public String aggregateId() {
		return this.shiftId;
	}

}
