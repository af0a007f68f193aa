package org.groundgame.events.endorsement;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * A candidate was nominated for endorsement. Carries the candidate's name but none of the
 * nominator's or candidate's contact details: no consumer needs them.
 *
 * @param chapterId the nominating chapter, or {@code null} for a nomination by an
 * individual
 */
@EventType(value = "org.groundgame.endorsement.NominationSubmitted.v1", topic = Topics.ENDORSEMENT,
		description = "A chapter or a member nominated a candidate for endorsement; staff will review it.")
public record NominationSubmitted(String eventId, Instant occurredAt, String nominationId, String candidateName,
		RaceSummary race, String chapterId) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.nominationId;
	}

}
