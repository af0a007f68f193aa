package org.groundgame.events.endorsement;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;

/**
 * The nominator (or staff on their behalf) withdrew a nomination before staff decided on
 * it.
 *
 * @param nominatingChapterId the chapter that nominated the candidate, or {@code null}
 * @param reason the reason given, or {@code null}
 */
@EventType(value = "org.groundgame.endorsement.NominationWithdrawn.v1", topic = Topics.ENDORSEMENT,
		description = "The nominator withdrew a nomination before staff decided on it.")
public record NominationWithdrawn(String eventId, Instant occurredAt, String nominationId,
		@PersonalData String candidateName, RaceSummary race, String nominatingChapterId,
		@PersonalData String reason) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.nominationId;
	}

}
