package org.groundgame.events.endorsement;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EmailKeys;
import org.groundgame.events.EventType;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;

/**
 * A candidate (or a position on a ballot measure) was nominated for endorsement. Carries
 * the candidate's name but none of the nominator's or candidate's contact details: no
 * consumer needs them.
 *
 * @param candidateName the candidate's name; for a ballot measure the position, e.g. "YES
 * on Amendment 3"
 * @param chapterId the nominating chapter, or {@code null} for a nomination by an
 * individual
 * @param candidateId the candidate's id in endorsement-service (the same for every
 * nomination of the same person), or {@code null} for a ballot measure
 * @param slateId the slate the nomination came in, or {@code null}
 * @param candidateEmailKey the candidate's address as an {@link EmailKeys e-mail key}, or
 * {@code null} when the nominator gave none: lets the school recognise its graduates
 * without the address itself travelling; pseudonymous personal data
 */
@EventType(value = "org.groundgame.endorsement.NominationSubmitted.v1", topic = Topics.ENDORSEMENT,
		description = "A chapter or a member nominated a candidate for endorsement; staff will review it.")
public record NominationSubmitted(String eventId, Instant occurredAt, String nominationId,
		@PersonalData String candidateName, RaceSummary race, String chapterId, String candidateId, String slateId,
		@PersonalData String candidateEmailKey) implements DomainEvent {

	public NominationSubmitted(String eventId, Instant occurredAt, String nominationId, String candidateName,
			RaceSummary race, String chapterId, String candidateId, String slateId) {
		this(eventId, occurredAt, nominationId, candidateName, race, chapterId, candidateId, slateId, null);
	}

	public NominationSubmitted(String eventId, Instant occurredAt, String nominationId, String candidateName,
			RaceSummary race, String chapterId) {
		this(eventId, occurredAt, nominationId, candidateName, race, chapterId, null, null, null);
	}

	@Override
	public String aggregateId() {
		return this.nominationId;
	}

}
