package org.groundgame.events.endorsement;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;

/**
 * A nomination was still undecided when its election passed, and expired: nobody may
 * decide on it any more.
 *
 * @param nominatingChapterId the chapter that nominated the candidate, or {@code null}
 */
@EventType(value = "org.groundgame.endorsement.NominationExpired.v1", topic = Topics.ENDORSEMENT,
		description = "A nomination was still undecided when its election passed, and expired.")
public record NominationExpired(String eventId, Instant occurredAt, String nominationId,
		@PersonalData String candidateName, RaceSummary race, String nominatingChapterId) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.nominationId;
	}

}
