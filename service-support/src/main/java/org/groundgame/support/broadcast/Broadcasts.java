package org.groundgame.support.broadcast;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Tells every instance of a service of something one instance did, on a topic of the
 * service's own that each instance reads in a consumer group of its own (a Spring Cloud
 * Stream binding without a {@code group}: anonymous, starting at the end of the topic).
 * <p>
 * For hints only ("this changed in the store; look if it concerns you"), never for state
 * or for the events of the domain, which leave through the outbox with the state they
 * announce. A broadcast is sent at most once, after the change, without waiting for the
 * broker: one that is lost (the broker away, the instance gone before it sent) must cost
 * nothing that a look at the store does not repair, and an instance that starts later
 * hears none of those sent before it.
 */
public class Broadcasts {

	private static final Logger log = LoggerFactory.getLogger(Broadcasts.class);

	private final StreamBridge streamBridge;

	public Broadcasts(StreamBridge streamBridge) {
		this.streamBridge = streamBridge;
	}

	/**
	 * Sends a broadcast; never fails.
	 * @param binding the output binding (its destination and topic settings are the
	 * service's configuration)
	 * @param key the record's key: broadcasts of one key keep their order
	 * @param json the broadcast, JSON
	 * @return whether the binder took it (the broker's acknowledgement is not awaited)
	 */
	public boolean send(String binding, String key, byte[] json) {
		Message<byte[]> message = MessageBuilder.withPayload(json)
			.setHeader(KafkaHeaders.KEY, key.getBytes(StandardCharsets.UTF_8))
			.setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
			.build();
		try {
			return this.streamBridge.send(binding, message);
		}
		catch (RuntimeException ex) {
			log.warn("Could not broadcast on {}: {}", binding, ex.toString());
			return false;
		}
	}

}
