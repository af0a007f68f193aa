package org.groundgame.events.endorsement;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;

/**
 * A nominated candidate was sent the candidate questionnaire: a private link that lets
 * them answer without an account. The only consumer is the e-mail that carries the link
 * to the candidate.
 * <p>
 * Personal data and a secret: {@code candidateEmail} is where the link goes, and
 * {@code questionnaireUrl} holds the capability token (endorsement-service keeps only its
 * hash). Consumers use both to send that one e-mail, never log them, and keep them no
 * longer than the delivery needs.
 *
 * @param candidateName whom the e-mail greets
 * @param questionnaireUrl the private link to answer the questionnaire
 * @param expiresAt when the link stops working
 */
@EventType(value = "org.groundgame.endorsement.QuestionnaireIssued.v1", topic = Topics.ENDORSEMENT,
		description = "A nominated candidate was sent the candidate questionnaire as a private link.")
public record QuestionnaireIssued(String eventId, Instant occurredAt, String nominationId,
		@PersonalData String candidateName, @PersonalData String candidateEmail, RaceSummary race,
		@PersonalData String questionnaireUrl, Instant expiresAt) implements DomainEvent {

	@Override
	public String aggregateId() {
		return this.nominationId;
	}

}
