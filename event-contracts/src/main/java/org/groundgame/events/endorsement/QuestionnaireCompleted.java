package org.groundgame.events.endorsement;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;

/**
 * A nominated candidate answered the candidate questionnaire. Carries none of the
 * answers: staff read them in the nomination.
 *
 * @param nominatingChapterId the chapter that nominated the candidate, or {@code null}
 */
@EventType(value = "org.groundgame.endorsement.QuestionnaireCompleted.v1", topic = Topics.ENDORSEMENT,
		description = "A nominated candidate answered the candidate questionnaire.")
public record QuestionnaireCompleted(String eventId, Instant occurredAt, String nominationId,
		@PersonalData String candidateName, RaceSummary race, String nominatingChapterId) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.nominationId;
	}

}
