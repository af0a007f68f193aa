package org.groundgame.events.training;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;
import org.groundgame.events.endorsement.RaceSummary;

/**
 * A graduate of the school runs for office: a nomination for them was matched to their
 * enrollment (by e-mail, else by name and state).
 *
 * @param enrollmentId the enrollment (one application to one cohort).
 * @param chapterId the chapter the trainee named; absent when none.
 * @param nominationId the nomination in endorsement-service.
 */
@EventType(value = "org.groundgame.training.GraduateRanForOffice.v1", topic = Topics.TRAINING,
		description = "A graduate of the school was nominated for office.")
public record GraduateRanForOffice(String eventId, Instant occurredAt, String cohortId, String enrollmentId,
		String chapterId, String nominationId, RaceSummary race, CohortSummary cohort) implements DomainEvent {

	/** Keyed by the cohort: the events of one cohort's roster stay in order. */
	@Override
	public String aggregateId() {
		return this.cohortId;
	}

}
