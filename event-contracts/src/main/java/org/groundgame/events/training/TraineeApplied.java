package org.groundgame.events.training;

import java.time.Instant;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * A person applied to a cohort (their first application to it; repeating it publishes
 * nothing). Carries nothing personal: the outcome follows as {@link TraineeEnrolled} or
 * {@link TraineeWaitlisted}.
 *
 * @param enrollmentId the enrollment (one application to one cohort).
 * @param chapterId the chapter the trainee named; absent when none.
 * @param plansToRun whether the applicant plans to run for office.
 * @param office the office they plan to run for; absent when none was named.
 * @param language the trainee's language for what is written to them, {@code en} or
 * {@code es}; absent in events published before it was added (then {@code en}).
 */
@EventType(value = "org.groundgame.training.TraineeApplied.v1", topic = Topics.TRAINING,
		description = "A person applied to a cohort of the Campaign Leadership School.")
public record TraineeApplied(String eventId, Instant occurredAt, String cohortId, String enrollmentId, String chapterId,
		boolean plansToRun, String office, CohortSummary cohort, String language) implements DomainEvent {

	public TraineeApplied(String eventId, Instant occurredAt, String cohortId, String enrollmentId, String chapterId,
			boolean plansToRun, String office, CohortSummary cohort) {
		this(eventId, occurredAt, cohortId, enrollmentId, chapterId, plansToRun, office, cohort, null);
	}

	/** Keyed by the cohort: the events of one cohort's roster stay in order. */
	@Override
	public String aggregateId() {
		return this.cohortId;
	}

}
