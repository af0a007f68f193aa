package org.groundgame.events.endorsement;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;

/**
 * Staff published the organization's announcement of an endorsed candidate's victory: a
 * headline and a message in their words, shown on the candidate's public page and sent to
 * the chapters that hear of victories. Published once per endorsement, after an outcome
 * {@code WON} was recorded ({@link ElectionOutcomeRecorded} says that the candidate won;
 * this event carries what the organization has to say about it).
 * <p>
 * The headline and the message are public once published, but they are about a person and
 * usually name them: they are personal data, sealed with the nomination's key like the
 * candidate's name, and gone from the public page when the candidate is erased.
 *
 * @param nominatingChapterId the chapter that nominated the candidate, or {@code null}
 * @param candidateId the candidate's id in endorsement-service, or {@code null} for a
 * ballot measure
 * @param headline one line, at most 120 characters
 * @param message the announcement, at most 2,000 characters of plain text
 */
@EventType(value = "org.groundgame.endorsement.VictoryAnnounced.v1", topic = Topics.ENDORSEMENT,
		description = "Staff published the announcement of an endorsed candidate's victory.")
public record VictoryAnnounced(String eventId, Instant occurredAt, String endorsementId, String nominationId,
		@PersonalData String candidateName, RaceSummary race, String nominatingChapterId, String candidateId,
		@PersonalData String headline, @PersonalData String message) implements DomainEvent {

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
