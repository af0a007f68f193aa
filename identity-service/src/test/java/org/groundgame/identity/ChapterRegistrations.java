package org.groundgame.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.identity.chapter.RegisteredChapters;
import org.groundgame.test.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * volunteer-service as identity-service hears of it: {@code ChapterRegistered} events
 * published on {@code groundgame.volunteer.events} as CloudEvents in binary mode, the way
 * the outbox relay publishes them, with a plain Kafka producer.
 */
public final class ChapterRegistrations {

	static final String TOPIC = "groundgame.volunteer.events";

	static final String TYPE = "org.groundgame.volunteer.ChapterRegistered.v1";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ChapterRegistrations() {
	}

	/** Publishes the event and returns it. */
	public static ChapterRegistered publish(String chapterId) {
		ChapterRegistered event = new ChapterRegistered(UUID.randomUUID().toString(), Instant.now(), chapterId,
				"Mobilize Missouri " + chapterId, "MO", "Columbia", "chapter@example.org");
		publish(event);
		return event;
	}

	/** Publishes the event as it is (again, if it was before). */
	public static void publish(ChapterRegistered event) {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
			List<Header> headers = List.of(header("ce_specversion", "1.0"), header("ce_id", event.eventId()),
					header("ce_type", TYPE), header("ce_source", "/groundgame/volunteer-service"),
					header("ce_subject", event.chapterId()), header("ce_time", event.occurredAt().toString()),
					header("content-type", "application/json"));
			producer.send(new ProducerRecord<>(TOPIC, null, event.chapterId(), JSON.writeValueAsBytes(event), headers))
				.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not publish ChapterRegistered", ex);
		}
	}

	/** Publishes the chapter's registration and waits until identity-service knows it. */
	public static void register(String chapterId, RegisteredChapters chapters) {
		publish(chapterId);
		await().atMost(Duration.ofSeconds(30)).until(() -> chapters.isRegistered(chapterId));
	}

	private static Header header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
