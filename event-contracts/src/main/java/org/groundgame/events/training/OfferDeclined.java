package org.groundgame.events.training;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * A trainee declined an offered seat ({@code DECLINED}); the seat passes to the next in
 * line.
 *
 * @param enrollmentId the enrollment (one application to one cohort).
 * @param chapterId the chapter the trainee named; absent when none.
 */
@EventType(value = "org.groundgame.training.OfferDeclined.v1", topic = Topics.TRAINING,
		description = "A trainee declined an offered seat; the seat passes to the next in line.")
public record OfferDeclined(String eventId, Instant occurredAt, String cohortId, String enrollmentId, String chapterId,
		CohortSummary cohort) implements DomainEvent {

	/** Keyed by the cohort: the events of one cohort's roster stay in order. */
	@Override
	public String aggregateId() {
		return this.cohortId;
	}

}
