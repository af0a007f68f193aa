package org.groundgame.training;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.test.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/**
 * volunteer-service as the school hears it: its events published to the real broker as
 * its relay does (CloudEvents in binary mode, keyed by aggregate id), so that the
 * school's chapter projection learns of the chapters a test names.
 */
public final class VolunteerTopic implements AutoCloseable {

	private final JsonMapper json = JsonMapper.builder().build();

	private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
			Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
					ProducerConfig.ACKS_CONFIG, "all"),
			new StringSerializer(), new ByteArraySerializer());

	/**
	 * Announces a new chapter, as volunteer-service does when staff register one.
	 * @return its id
	 */
	public String registerChapter(String state) {
		String chapterId = UUID.randomUUID().toString();
		publish(new ChapterRegistered(UUID.randomUUID().toString(), Instant.now(), chapterId,
				"Test Chapter " + chapterId, state, "Springfield", "chapter-" + chapterId + "@example.org", null,
				List.of()));
		return chapterId;
	}

	/** Publishes an event and waits for the broker's acknowledgement. */
	public void publish(DomainEvent event) {
		List<Header> headers = List.of(header("ce_specversion", "1.0"), header("ce_id", event.eventId()),
				header("ce_type", EventCatalog.typeOf(event.getClass())),
				header("ce_source", "/groundgame/volunteer-service"), header("ce_subject", event.aggregateId()),
				header("ce_time", event.occurredAt().toString()), header("content-type", "application/json"));
		try {
			this.producer
				.send(new ProducerRecord<>(EventCatalog.topicOf(event.getClass()), null, event.aggregateId(),
						this.json.writeValueAsBytes(event), headers))
				.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish " + event.getClass().getSimpleName(), ex);
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

	private static Header header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
