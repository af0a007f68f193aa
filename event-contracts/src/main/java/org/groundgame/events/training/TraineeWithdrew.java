package org.groundgame.events.training;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * A trainee withdrew from a cohort ({@code WITHDRAWN}), themselves or through staff: a
 * seat they held is offered to the first in line; a place in line they held is given up.
 *
 * @param enrollmentId the enrollment (one application to one cohort).
 * @param chapterId the chapter the trainee named; absent when none.
 * @param previousStatus eNROLLED, WAITLISTED or OFFERED; tolerate values not listed yet.
 */
@EventType(value = "org.groundgame.training.TraineeWithdrew.v1", topic = Topics.TRAINING,
		description = "A trainee withdrew from a cohort, freeing their seat or place in line.")
public record TraineeWithdrew(String eventId, Instant occurredAt, String cohortId, String enrollmentId,
		String chapterId, String previousStatus, CohortSummary cohort) implements DomainEvent {

	/** Keyed by the cohort: the events of one cohort's roster stay in order. */
	@Override
	public String aggregateId() {
		return this.cohortId;
	}

}
