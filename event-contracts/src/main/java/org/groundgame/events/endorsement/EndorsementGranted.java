package org.groundgame.events.endorsement;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * National staff endorsed a nominated candidate.
 *
 * @param nominatingChapterId the chapter that nominated the candidate, or {@code null}
 * @param reEndorsement whether the candidate held an endorsement for this office in an
 * earlier cycle
 */
@EventType(value = "org.groundgame.endorsement.EndorsementGranted.v1", topic = Topics.ENDORSEMENT,
		description = "National staff endorsed a candidate for a race.")
public record EndorsementGranted(String eventId, Instant occurredAt, String endorsementId, String nominationId,
		String candidateName, RaceSummary race, String nominatingChapterId,
		boolean reEndorsement) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.endorsementId;
	}

}
