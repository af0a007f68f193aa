package org.groundgame.events.endorsement;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;

/**
 * National staff rescinded an endorsement. The endorsement stays on record, rescinded,
 * and leaves the public list of endorsed candidates.
 *
 * @param nominatingChapterId the chapter that nominated the candidate, or {@code null}
 * @param reason why, as staff gave it (public on the endorsement; sealed in the event,
 * since it may name the candidate)
 * @param candidateId the candidate's id in endorsement-service, or {@code null} for a
 * ballot measure
 */
@EventType(value = "org.groundgame.endorsement.EndorsementRescinded.v1", topic = Topics.ENDORSEMENT,
		description = "National staff rescinded an endorsement, with a reason.")
public record EndorsementRescinded(String eventId, Instant occurredAt, String endorsementId, String nominationId,
		@PersonalData String candidateName, RaceSummary race, String nominatingChapterId, @PersonalData String reason,
		String candidateId) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.endorsementId;
	}

	/** The nomination's key encrypts the candidate's personal data. */
	@Override
	public String personalDataSubject() {
		return this.nominationId;
	}

}
