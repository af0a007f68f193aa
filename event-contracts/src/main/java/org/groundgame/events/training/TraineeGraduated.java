package org.groundgame.events.training;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * A trainee attended every session of their cohort and completed it ({@code COMPLETED}).
 *
 * @param enrollmentId the enrollment (one application to one cohort).
 * @param chapterId the chapter the trainee named; absent when none.
 */
@EventType(value = "org.groundgame.training.TraineeGraduated.v1", topic = Topics.TRAINING,
		description = "A trainee attended every session of their cohort and completed it.")
public record TraineeGraduated(String eventId, Instant occurredAt, String cohortId, String enrollmentId,
		String chapterId, CohortSummary cohort) implements DomainEvent {

	/** Keyed by the cohort: the events of one cohort's roster stay in order. */
	@Override
	public String aggregateId() {
		return this.cohortId;
	}

}
