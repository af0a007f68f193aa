package org.groundgame.support.personaldata;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Shares keys on the keys topics with the service's Kafka producer, waiting for the
 * broker's acknowledgement: the relay publishes an event only once its key is out.
 */
public class KafkaKeySharing implements PersonalDataKeys.KeySharing {

	private static final long ACK_TIMEOUT_SECONDS = 10;

	private final KafkaTemplate<String, String> template;

	private final KeysTopics topics;

	public KafkaKeySharing(KafkaTemplate<String, String> template, KeysTopics topics) {
		this.template = template;
		this.topics = topics;
	}

	@Override
	public void share(String keysTopic, String subject, String sealedKey) {
		this.topics.ensure(keysTopic);
		try {
			this.template.send(keysTopic, subject, sealedKey).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sharing a key on " + keysTopic, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("A key could not be shared on " + keysTopic + " yet", ex);
		}
	}

}
