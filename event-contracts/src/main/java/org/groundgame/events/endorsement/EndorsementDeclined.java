package org.groundgame.events.endorsement;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;

/**
 * National staff decided not to endorse a nominated candidate.
 *
 * @param nominatingChapterId the chapter that nominated the candidate, or {@code null}
 * @param reason the reason staff gave, which the nominating chapter may read, or
 * {@code null}
 * @param candidateId the candidate's id in endorsement-service, or {@code null} for a
 * ballot measure
 */
@EventType(value = "org.groundgame.endorsement.EndorsementDeclined.v1", topic = Topics.ENDORSEMENT,
		description = "National staff decided not to endorse a nominated candidate.")
public record EndorsementDeclined(String eventId, Instant occurredAt, String nominationId,
		@PersonalData String candidateName, RaceSummary race, String nominatingChapterId, @PersonalData String reason,
		String candidateId) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.nominationId;
	}

}
