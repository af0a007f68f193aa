package org.groundgame.support.outbox;

import java.nio.charset.StandardCharsets;

import org.groundgame.support.cloudevents.CloudEventHeaders;
import org.groundgame.support.cloudevents.TraceContexts;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Publishes one pending event as a CloudEvent in Kafka binary mode through the Spring
 * Cloud Stream Kafka binder, keyed by its aggregate id. The binder's producers are
 * synchronous (see the platform defaults), so a normal return means the broker
 * acknowledged the record with {@code acks=all}; any failure is thrown.
 */
public class CloudEventPublisher {

	private final StreamBridge streamBridge;

	private final String source;

	private final TraceContexts traces;

	public CloudEventPublisher(StreamBridge streamBridge, String source, TraceContexts traces) {
		this.streamBridge = streamBridge;
		this.source = source;
		this.traces = traces;
	}

	public void publish(OutboxEvent event) {
		Message<byte[]> message = MessageBuilder.withPayload(event.payload().getBytes(StandardCharsets.UTF_8))
			.setHeader(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0)
			.setHeader(CloudEventHeaders.ID, event.eventId())
			.setHeader(CloudEventHeaders.TYPE, event.type())
			.setHeader(CloudEventHeaders.SOURCE, this.source)
			.setHeader(CloudEventHeaders.SUBJECT, event.key())
			.setHeader(CloudEventHeaders.TIME, event.occurredAt().toString())
			.setHeader(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON)
			.setHeader(MessageHeaders.CONTENT_TYPE, CloudEventHeaders.JSON)
			.setHeader(KafkaHeaders.KEY, event.key().getBytes(StandardCharsets.UTF_8))
			.build();
		boolean sent = this.traces.inSpan(event.traceparent(), "outbox publish",
				() -> this.streamBridge.send(event.topic(), message));
		if (!sent) {
			throw new IllegalStateException("The binder did not accept event " + event.eventId());
		}
	}

}
