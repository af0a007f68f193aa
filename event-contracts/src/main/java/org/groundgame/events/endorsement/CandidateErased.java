package org.groundgame.events.endorsement;

import java.time.Instant;
import java.util.List;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * A candidate's personal data was erased at their request or staff's: their name and
 * address in every nomination of theirs, and the keys that encrypted them in earlier
 * events. The nominations and endorsements stay, anonymous, so that races and counts
 * remain true. Every consumer erases what it holds of those nominations (match keys,
 * deliveries, inbox entries). Carries nothing personal: only the ids.
 *
 * @param candidateId the candidate whose data was erased
 * @param nominationIds every nomination that named them
 */
@EventType(value = "org.groundgame.endorsement.CandidateErased.v1", topic = Topics.ENDORSEMENT,
		description = "A candidate's personal data was erased; every consumer erases what it holds of their nominations.")
public record CandidateErased(String eventId, Instant occurredAt, String candidateId,
		List<String> nominationIds) implements DomainEvent {

	public CandidateErased {
		nominationIds = (nominationIds != null) ? List.copyOf(nominationIds) : List.of();
	}

	@Override
	public String aggregateId() {
		return this.candidateId;
	}

	@Override
	public List<String> erasedPersonalDataSubjects() {
		return this.nominationIds;
	}

}
