package org.groundgame.events.training;

import java.time.Instant;
import java.util.List;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventType;
import org.groundgame.events.Topics;

/**
 * A trainee's personal data was erased at their request or staff's: their name, address,
 * answers and whatever else named them. The enrollment itself stays, anonymous, so that
 * the cohort's seats, line and counts remain true. Every consumer erases what it holds of
 * that enrollment (match keys included). Carries nothing personal: only the ids.
 *
 * @param enrollmentId the enrollment whose person was erased
 */
@EventType(value = "org.groundgame.training.TraineeErased.v1", topic = Topics.TRAINING,
		description = "A trainee's personal data was erased; every consumer erases what it holds of them.")
public record TraineeErased(String eventId, Instant occurredAt, String cohortId,
		String enrollmentId) implements DomainEvent {

	/** Keyed by the cohort: the events of one cohort's roster stay in order. */
	@Override
	public String aggregateId() {
		return this.cohortId;
	}

	@Override
	public List<String> erasedPersonalDataSubjects() {
		return List.of(this.enrollmentId);
	}

}
