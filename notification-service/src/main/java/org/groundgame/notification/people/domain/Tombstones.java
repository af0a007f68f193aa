package org.groundgame.notification.people.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.groundgame.events.DomainEvent;

/**
 * Who was erased, and when: nothing else is kept of them. A tombstone keeps data that
 * arrives late (an older sign-up, redelivered, or an event about a candidate that comes
 * on another partition than their erasure) from bringing an erased person back. Kept by
 * personal record: a volunteer, an enrollment, a nomination.
 */
public interface Tombstones {

	/**
	 * Records that a person was erased. Idempotent; erased twice, the later time is kept.
	 */
	void erased(String personId, Instant erasedAt);

	/** When the person was last erased, if ever. */
	Optional<Instant> erasedAt(String personId);

	/**
	 * Whether the event carries personal data of someone erased since it happened: too
	 * late to pass on to anyone. An event that happened after the erasure (the person
	 * came back) is not.
	 */
	default boolean outlived(DomainEvent event) {
		return EventPersonalData.subjectOf(event)
			.flatMap(this::erasedAt)
			.filter((erasedAt) -> !event.occurredAt()
				.truncatedTo(ChronoUnit.MILLIS)
				.isAfter(erasedAt.truncatedTo(ChronoUnit.MILLIS)))
			.isPresent();
	}

}
