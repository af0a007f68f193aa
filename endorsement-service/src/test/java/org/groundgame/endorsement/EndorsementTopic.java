package org.groundgame.endorsement;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.events.Topics;
import org.groundgame.support.cloudevents.EventJson;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.test.TestInfrastructure;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * Reads what the service published on its topic with a plain Kafka consumer, as any other
 * service would see it.
 */
public final class EndorsementTopic {

	private EndorsementTopic() {
	}

	/**
	 * Every record on the topic so far, from the beginning of each partition to its end
	 * as of now, each as often as it was published: nothing is de-duplicated, so that a
	 * test that counts events sees an event published twice. None while the topic does
	 * not exist yet.
	 */
	public static List<Event> readAll() {
		return Reader.INSTANCE.readToTheEnd();
	}

	/**
	 * The topic read by one consumer for the whole JVM: each call reads on from where the
	 * last one stopped up to the partitions' ends as of the call, so a call costs the
	 * records published since, not a new consumer and the whole topic from its start.
	 */
	private static final class Reader {

		static final Reader INSTANCE = new Reader();

		private final List<Event> read = new ArrayList<>();

		private @Nullable KafkaConsumer<String, String> consumer;

		private List<TopicPartition> partitions = List.of();

		synchronized List<Event> readToTheEnd() {
			if (this.partitions.isEmpty() && !assign()) {
				return List.of();
			}
			KafkaConsumer<String, String> consumer = Objects.requireNonNull(this.consumer);
			Map<TopicPartition, Long> ends = consumer.endOffsets(this.partitions);
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (this.partitions.stream()
				.anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not read " + Topics.ENDORSEMENT + " to its end " + ends);
				}
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> this.read.add(Event.of(record)));
			}
			return List.copyOf(this.read);
		}

		/** Assigns every partition of the topic, from its beginning, once it exists. */
		private boolean assign() {
			if (this.consumer == null) {
				Properties properties = new Properties();
				properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
						TestInfrastructure.get().kafkaBootstrapServers());
				properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
				properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
				properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
				properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
				this.consumer = new KafkaConsumer<>(properties);
			}
			List<TopicPartition> partitions = this.consumer.partitionsFor(Topics.ENDORSEMENT, Duration.ofSeconds(10))
				.stream()
				.map((partition) -> new TopicPartition(partition.topic(), partition.partition()))
				.toList();
			if (partitions.isEmpty()) {
				return false;
			}
			this.consumer.assign(partitions);
			this.consumer.seekToBeginning(partitions);
			this.partitions = partitions;
			return true;
		}

	}

	/**
	 * Every record on the topic as of the moment a record with this key that matches the
	 * barrier is on it, waiting for it. One key's records are on one partition in the
	 * order they were published, so every record of that key published before the barrier
	 * (a duplicate included) is among them: a test causes a later event of the same
	 * aggregate and reads up to it before it counts.
	 */
	public static List<Event> readThrough(String key, Predicate<Event> barrier) {
		return await().atMost(Duration.ofSeconds(30))
			.until(EndorsementTopic::readAll,
					(events) -> events.stream().anyMatch((event) -> key.equals(event.key()) && barrier.test(event)));
	}

	/** A barrier: the first record of this key and type (a short type name). */
	public static Predicate<Event> ofType(String type) {
		return (event) -> ("org.groundgame.endorsement." + type + ".v1").equals(event.type());
	}

	public static List<Event> eventsOf(String key, String type) {
		return ofKeyAndType(readAll(), key, type);
	}

	public static List<Event> ofKeyAndType(List<Event> events, String key, String type) {
		return events.stream().filter((event) -> key.equals(event.key())).filter(ofType(type)).toList();
	}

	/** The first such event, its personal data opened as a consumer opens it. */
	public static JsonNode awaitEvent(PersonalDataProtection protection, String key, String type) {
		return opened(protection,
				await().atMost(Duration.ofSeconds(20))
					.until(() -> eventsOf(key, type), (events) -> !events.isEmpty())
					.getFirst());
	}

	public static JsonNode opened(PersonalDataProtection protection, Event event) {
		Class<? extends DomainEvent> type = EventCatalog.classOf(event.type()).orElseThrow();
		return new EventJson().tree(protection.read(event.data().getBytes(StandardCharsets.UTF_8), type));
	}

	/** One record: its key, its headers as text, its value, and its partition. */
	public record Event(String key, Map<String, String> headers, String data, int partition) {

		static Event of(ConsumerRecord<String, String> record) {
			Map<String, String> headers = new LinkedHashMap<>();
			for (Header header : record.headers()) {
				headers.put(header.key(),
						(header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null);
			}
			return new Event(record.key(), headers, record.value(), record.partition());
		}

		public String type() {
			return this.headers.get("ce_type");
		}

	}

}
