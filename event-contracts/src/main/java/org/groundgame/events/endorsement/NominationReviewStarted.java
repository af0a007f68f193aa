package org.groundgame.events.endorsement;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;

/**
 * A staff member took up a nomination for review. Names neither the reviewer nor anyone
 * else: who reviews is staff's internal business.
 *
 * @param nominatingChapterId the chapter that nominated the candidate, or {@code null}
 */
@EventType(value = "org.groundgame.endorsement.NominationReviewStarted.v1", topic = Topics.ENDORSEMENT,
		description = "A staff member took up a nomination for review.")
public record NominationReviewStarted(String eventId, Instant occurredAt, String nominationId,
		@PersonalData String candidateName, RaceSummary race, String nominatingChapterId) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.nominationId;
	}

}
