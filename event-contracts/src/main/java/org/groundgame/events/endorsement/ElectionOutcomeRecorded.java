package org.groundgame.events.endorsement;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.PersonalData;
import org.groundgame.events.Topics;

/**
 * Staff recorded how an endorsed candidate's election went. Carries the candidate's name
 * and the race, no contact details. An endorsement may get one outcome per stage (a
 * primary won or advanced, then the general); the last recorded is the current one.
 *
 * @param result {@code WON}, {@code LOST} or {@code ADVANCED} (to the next stage);
 * readers must tolerate values they do not know yet
 * @param nominatingChapterId the chapter that nominated the candidate, or {@code null}
 * @param stage the stage of the election the outcome is for ({@code PRIMARY},
 * {@code GENERAL}, {@code SPECIAL}, {@code RUNOFF})
 * @param candidateId the candidate's id in endorsement-service, or {@code null} for a
 * ballot measure
 */
@EventType(value = "org.groundgame.endorsement.ElectionOutcomeRecorded.v1", topic = Topics.ENDORSEMENT,
		description = "Staff recorded the outcome of an endorsed candidate's election: won, lost or advanced.")
public record ElectionOutcomeRecorded(String eventId, Instant occurredAt, String endorsementId, String nominationId,
		@PersonalData String candidateName, RaceSummary race, String nominatingChapterId, String result, String stage,
		String candidateId) implements DomainEvent {

	public ElectionOutcomeRecorded(String eventId, Instant occurredAt, String endorsementId, String nominationId,
			String candidateName, RaceSummary race, String nominatingChapterId, String result) {
		this(eventId, occurredAt, endorsementId, nominationId, candidateName, race, nominatingChapterId, result,
				(race != null) ? race.stage() : null, null);
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
