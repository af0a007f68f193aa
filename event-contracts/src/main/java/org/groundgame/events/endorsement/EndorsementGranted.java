package org.groundgame.events.endorsement;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;

/**
 * National staff endorsed a nominated candidate (or a position on a ballot measure).
 *
 * @param nominatingChapterId the chapter that nominated the candidate, or {@code null}
 * @param reEndorsement whether the candidate held an endorsement for this office in an
 * earlier cycle
 * @param candidateId the candidate's id in endorsement-service, or {@code null} for a
 * ballot measure
 */
@EventType(value = "org.groundgame.endorsement.EndorsementGranted.v1", topic = Topics.ENDORSEMENT,
		description = "National staff endorsed a candidate for a race.")
public record EndorsementGranted(String eventId, Instant occurredAt, String endorsementId, String nominationId,
		@PersonalData String candidateName, RaceSummary race, String nominatingChapterId, boolean reEndorsement,
		String candidateId) implements DomainEvent {

	public EndorsementGranted(String eventId, Instant occurredAt, String endorsementId, String nominationId,
			String candidateName, RaceSummary race, String nominatingChapterId, boolean reEndorsement) {
		this(eventId, occurredAt, endorsementId, nominationId, candidateName, race, nominatingChapterId, reEndorsement,
				null);
	}

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
