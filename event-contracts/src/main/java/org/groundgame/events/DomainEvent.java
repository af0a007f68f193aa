package org.groundgame.events;

import java.time.Instant;
import java.util.List;

/**
 * A fact that happened in one service and that others may react to. Every event names the
 * aggregate it happened to: that id is the CloudEvent {@code subject} and the Kafka
 * message key, so the events of one aggregate stay in order.
 */
public interface DomainEvent {

	/** Unique per event; consumers use it to apply each event once. */
	String eventId();

	Instant occurredAt();

	/** The id of the aggregate the event happened to. */
	String aggregateId();

	/**
	 * The personal record (a volunteer, an enrollment, a nomination) whose personal data
	 * the {@link PersonalData} fields of this event are: the producer encrypts them with
	 * that record's own key, and destroys the key when the person is erased. The
	 * aggregate id unless the aggregate holds several people.
	 */
	default String personalDataSubject() {
		return aggregateId();
	}

	/**
	 * The personal records this event erases: once it is published, the keys of these
	 * records are destroyed, so that what earlier events hold of them can no longer be
	 * read anywhere (crypto-shredding). Empty for every event but an erasure.
	 */
	default List<String> erasedPersonalDataSubjects() {
		return List.of();
	}

}
