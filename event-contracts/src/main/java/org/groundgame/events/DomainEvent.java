package org.groundgame.events;

import java.time.Instant;

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

}
