package org.groundgame.events.training;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * Staff opened a cohort of the Campaign Leadership School for applications: chapters are
 * told so that they can encourage their members to apply.
 *
 * @param capacity how many seats the cohort has.
 * @param applicationDeadline the last day to apply.
 * @param sessions the dates of the sessions, in order; all are required to complete.
 * @param offerHours how many hours a seat offer stays open.
 */
@EventType(value = "org.groundgame.training.CohortOpened.v1", topic = Topics.TRAINING,
		description = "A cohort of the Campaign Leadership School opened for applications.")
public record CohortOpened(String eventId, Instant occurredAt, String cohortId, CohortSummary cohort, int capacity,
		LocalDate applicationDeadline, List<LocalDate> sessions, int offerHours) implements DomainEvent {

	/** Keyed by the cohort: the events of one cohort's roster stay in order. */
	@Override
	public String aggregateId() {
		return this.cohortId;
	}

}
