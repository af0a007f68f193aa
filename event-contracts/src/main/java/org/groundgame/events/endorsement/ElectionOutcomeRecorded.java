package org.groundgame.events.endorsement;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * Staff recorded how an endorsed candidate's election went. Carries the candidate's name
 * and the race, no contact details.
 *
 * @param result {@code WON}, {@code LOST} or {@code ADVANCED} (to the next stage);
 * readers must tolerate values they do not know yet
 * @param nominatingChapterId the chapter that nominated the candidate, or {@code null}
 */
@EventType(value = "org.groundgame.endorsement.ElectionOutcomeRecorded.v1", topic = Topics.ENDORSEMENT,
		description = "Staff recorded the outcome of an endorsed candidate's election: won, lost or advanced.")
public record ElectionOutcomeRecorded(String eventId, Instant occurredAt, String endorsementId, String nominationId,
		String candidateName, RaceSummary race, String nominatingChapterId, String result) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.endorsementId;
	}

}
