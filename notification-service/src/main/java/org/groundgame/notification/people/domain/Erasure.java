package org.groundgame.notification.people.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.groundgame.events.EventCatalog;
import org.groundgame.events.endorsement.CandidateErased;
import org.groundgame.events.training.TraineeErased;
import org.groundgame.events.volunteer.VolunteerErased;

/**
 * A person erased by the service that owns them, as this service must act on it: who,
 * which personal records of theirs ({@code subjectIds}, the {@code personalDataSubject}
 * of the events that carried their data) and which event said so. Nothing personal: ids
 * only.
 *
 * @param kind what kind of person they were
 * @param personId the person's id in the service that owns them (the volunteer, the
 * enrollment, the candidate)
 * @param subjectIds the personal records whose data is erased: the volunteer's id, the
 * enrollment's, or every nomination that named the candidate
 * @param eventId the erasure event's id
 * @param eventType the erasure event's CloudEvents type
 * @param erasedAt when the person was erased
 */
public record Erasure(Kind kind, String personId, List<String> subjectIds, String eventId, String eventType,
		Instant erasedAt) {

	/** The three kinds of person the platform keeps personal data of. */
	public enum Kind {

		VOLUNTEER, TRAINEE, CANDIDATE

	}

	public Erasure {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(personId, "personId");
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(eventType, "eventType");
		Objects.requireNonNull(erasedAt, "erasedAt");
		subjectIds = List.copyOf(subjectIds);
	}

	public static Erasure of(VolunteerErased event) {
		return new Erasure(Kind.VOLUNTEER, event.volunteerId(), List.of(event.volunteerId()), event.eventId(),
				EventCatalog.typeOf(VolunteerErased.class), event.occurredAt());
	}

	/** A trainee's data is keyed by their enrollment. */
	public static Erasure of(TraineeErased event) {
		return new Erasure(Kind.TRAINEE, event.enrollmentId(), List.of(event.enrollmentId()), event.eventId(),
				EventCatalog.typeOf(TraineeErased.class), event.occurredAt());
	}

	/** A candidate's data is keyed by each nomination that named them. */
	public static Erasure of(CandidateErased event) {
		return new Erasure(Kind.CANDIDATE, event.candidateId(), event.nominationIds(), event.eventId(),
				EventCatalog.typeOf(CandidateErased.class), event.occurredAt());
	}

}
