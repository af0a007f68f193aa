package org.groundgame.support.outbox;

import java.time.Instant;
import java.util.List;

import org.groundgame.support.audit.AuditActor;
import org.groundgame.support.personaldata.PersonalDataProtection.KeyReference;

/**
 * A domain event waiting to be published, stored inside its aggregate's own document (the
 * embedded outbox), so that the change of state and the event announcing it are written
 * in one atomic document write. The relay removes it once Kafka has acknowledged it.
 *
 * @param eventId the CloudEvent id
 * @param type the versioned CloudEvents type
 * @param topic the Kafka topic
 * @param key the aggregate id: the message key and the CloudEvent subject
 * @param occurredAt the CloudEvent time
 * @param payload the event as JSON
 * @param traceparent the W3C trace context of the request that caused the event, if any
 * @param actor who caused the event, for the audit trail ({@code null} in events stored
 * before the audit trail existed: the service itself)
 * @param requestId the gateway's request id of the request that caused it, if any
 * @param personalDataKey the personal record whose key sealed the event's personal data
 * ({@code null} when it carries none): the relay shares that key before the event
 * @param erasedSubjects the personal records an erasure event erases: the relay destroys
 * their keys before the event
 */
public record OutboxEvent(String eventId, String type, String topic, String key, Instant occurredAt, String payload,
		String traceparent, AuditActor actor, String requestId, KeyReference personalDataKey,
		List<String> erasedSubjects) {

	public OutboxEvent {
		erasedSubjects = (erasedSubjects != null) ? List.copyOf(erasedSubjects) : List.of();
	}

	public OutboxEvent(String eventId, String type, String topic, String key, Instant occurredAt, String payload,
			String traceparent, AuditActor actor, String requestId) {
		this(eventId, type, topic, key, occurredAt, payload, traceparent, actor, requestId, null, List.of());
	}

}
