package org.groundgame.endorsement;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.groundgame.events.EventCatalog;
import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.test.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * Chapters registered as on the platform: volunteer-service's {@code ChapterRegistered}
 * published to the test JVM's real broker as its relay does (CloudEvents in binary mode,
 * keyed by the chapter), then awaited until the service's own projection holds the
 * chapter (read from its store), so that staff may name it in a nomination. Each id is
 * announced once per JVM.
 */
public final class RegisteredChapterFixture {

	/** The chapter the tests' nominations name unless they need one of their own. */
	private static volatile String shared;

	private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Guards {@link #shared} only: the await below polls from another thread. */
	private static final Object SHARED = new Object();

	private RegisteredChapterFixture() {
	}

	/** One chapter, registered once for every test that needs any. */
	public static String sharedChapter() {
		if (shared == null) {
			synchronized (SHARED) {
				if (shared == null) {
					shared = registered("chapter-" + UUID.randomUUID());
				}
			}
		}
		return shared;
	}

	/** A new chapter, registered. */
	public static String newChapter() {
		return registered("chapter-" + UUID.randomUUID());
	}

	/**
	 * The chapter with this id, registered (announced now unless it was) and known to the
	 * service's projection.
	 */
	public static String registered(String chapterId) {
		if (ANNOUNCED.add(chapterId)) {
			ChapterRegistered event = new ChapterRegistered(UUID.randomUUID().toString(), Instant.now(), chapterId,
					"Test Chapter " + chapterId, "MO", "St. Louis", "chapter@example.org", null, List.of());
			List<Header> headers = List.of(header("ce_specversion", "1.0"), header("ce_id", event.eventId()),
					header("ce_type", EventCatalog.typeOf(ChapterRegistered.class)),
					header("ce_source", "/groundgame/volunteer-service"), header("ce_subject", chapterId),
					header("ce_time", event.occurredAt().toString()), header("content-type", "application/json"));
			try {
				Clients.PRODUCER
					.send(new ProducerRecord<>(EventCatalog.topicOf(ChapterRegistered.class), null, chapterId,
							JSON.writeValueAsBytes(event), headers))
					.get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("Could not announce chapter " + chapterId, ex);
			}
		}
		// Looks at once: a chapter announced earlier is known already, and Awaitility
		// would first look only after its poll interval (100 ms for every test).
		await().pollDelay(Duration.ZERO)
			.atMost(Duration.ofSeconds(30))
			.until(() -> Clients.MONGO.getDatabase("groundgame-endorsement")
				.getCollection("chapters")
				.countDocuments(Filters.eq("_id", chapterId)) == 1);
		return chapterId;
	}

	/** The clients, made once, on first use. */
	private static final class Clients {

		static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
						ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new ByteArraySerializer());

		static final MongoClient MONGO = MongoClients.create(TestInfrastructure.get().mongoConnectionString());

	}

	private static Header header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
