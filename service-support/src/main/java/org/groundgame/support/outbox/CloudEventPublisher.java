package org.groundgame.support.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.groundgame.support.cloudevents.CloudEventHeaders;
import org.groundgame.support.cloudevents.TraceContexts;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Publishes pending events as CloudEvents in Kafka binary mode through the Spring Cloud
 * Stream Kafka binder, keyed by their aggregate ids, without waiting for each
 * acknowledgement in turn: {@link #send} hands the record to the binder's producer and
 * returns the future of the broker's acknowledgement ({@code acks=all}).
 * <p>
 * The future comes from the binder's own message handler: each message carries a
 * {@link KafkaIntegrationHeaders#FUTURE_TOKEN future token} (the event id), and the
 * handler, given {@link #sendFutures()} as its futures channel (see the platform's
 * auto-configuration), hands the send's future to that channel on the sending thread,
 * before {@code StreamBridge.send} returns. The payload is already the event's JSON, so
 * the bindings use native encoding: the binder writes the bytes as they are.
 */
public class CloudEventPublisher {

	private final StreamBridge streamBridge;

	private final String source;

	private final TraceContexts traces;

	/** The acknowledgements being handed over, by future token: empty between sends. */
	private final Map<Object, CompletableFuture<?>> handedOver = new ConcurrentHashMap<>();

	private final MessageChannel sendFutures = (message, timeout) -> {
		Object token = message.getHeaders().get(KafkaIntegrationHeaders.FUTURE_TOKEN);
		if (token != null && message.getPayload() instanceof CompletableFuture<?> future) {
			this.handedOver.put(token, future);
			return true;
		}
		return false;
	};

	public CloudEventPublisher(StreamBridge streamBridge, String source, TraceContexts traces) {
		this.streamBridge = streamBridge;
		this.source = source;
		this.traces = traces;
	}

	/**
	 * The channel the binder's producer handlers send each message's future to.
	 */
	public MessageChannel sendFutures() {
		return this.sendFutures;
	}

	/**
	 * Sends one event.
	 * @return completes when the broker acknowledged the record, or exceptionally when it
	 * could not be published (the producer gives up within its delivery timeout)
	 * @throws IllegalStateException when the binder refused the message at once
	 */
	public CompletableFuture<?> send(OutboxEvent event) {
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
			.setHeader(KafkaIntegrationHeaders.FUTURE_TOKEN, event.eventId())
			.build();
		try {
			boolean sent = this.traces.inSpan(event.traceparent(), "outbox publish",
					() -> this.streamBridge.send(event.topic(), message));
			CompletableFuture<?> acknowledgement = this.handedOver.remove(event.eventId());
			if (!sent || acknowledgement == null) {
				throw new IllegalStateException("The binder did not accept event " + event.eventId());
			}
			return acknowledgement;
		}
		finally {
			this.handedOver.remove(event.eventId());
		}
	}

}
