package org.groundgame.test.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.groundgame.test.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic of the test JVM's broker from its start, as a service's consumer would,
 * so that a test asserts on the events a change really published. Every record is kept,
 * none de-duplicated by its CloudEvents id: in normal operation each event is published
 * exactly once, and a test that counts sees an event published twice. A test that expects
 * exactly n events reads up to a later event on the same key (the same partition), so
 * that an n+1th published meanwhile is counted too: {@link #awaitEventsBefore}.
 */
public final class TopicEvents implements AutoCloseable {

	/** Between two polls of the consumer, which itself waits up to 200 ms for records. */
	private static final Duration POLL_PAUSE = Duration.ofMillis(10);

	private final KafkaConsumer<String, byte[]> consumer;

	private final String typeFormat;

	private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

	private final JsonMapper json = JsonMapper.builder().build();

	private final Opener opener;

	/**
	 * @param topic the topic to read
	 * @param typeFormat the CloudEvents type of an event with {@code %s} for its simple
	 * name, e.g. {@code org.groundgame.training.%s.v1}
	 */
	public TopicEvents(String topic, String typeFormat) {
		this(topic, typeFormat, null);
	}

	/**
	 * @param topic the topic to read
	 * @param typeFormat the CloudEvents type of an event with {@code %s} for its simple
	 * name
	 * @param opener reads an event's data with its sealed personal data opened, as the
	 * services' consumers read it ({@code null}: the data as it is on the topic)
	 */
	public TopicEvents(String topic, String typeFormat, Opener opener) {
		this(TestInfrastructure.get().kafkaBootstrapServers(), topic, typeFormat, opener);
	}

	/**
	 * Reads a topic of another broker than the test JVM's (a test's own, say).
	 * @param bootstrapServers the broker's address
	 * @param topic the topic to read
	 * @param typeFormat the CloudEvents type of an event with {@code %s} for its simple
	 * name
	 * @param opener reads an event's data with its sealed personal data opened
	 * ({@code null}: the data as it is on the topic)
	 */
	public TopicEvents(String bootstrapServers, String topic, String typeFormat, Opener opener) {
		this.typeFormat = typeFormat;
		this.opener = (opener != null) ? opener : (type, data) -> this.json.readTree(data);
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"test-events-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(List.of(topic));
	}

	/**
	 * Waits (up to a minute) until the events keyed by the key satisfy the condition.
	 * @return those events, oldest first
	 */
	public List<Event> awaitEvents(String key, Predicate<List<Event>> until) {
		// The consumer's poll is the wait: it returns as soon as records arrive, so the
		// first look is at once and the next follows it without Awaitility's own pause
		// (100 ms by default, before the first look too).
		return await().pollDelay(Duration.ZERO).pollInterval(POLL_PAUSE).atMost(Duration.ofSeconds(60)).until(() -> {
			this.consumer.poll(Duration.ofMillis(200)).forEach(this.seen::add);
			return this.seen.stream()
				.filter((record) -> key.equals(record.key()))
				.map((record) -> new Event(header(record, "ce_type"),
						this.opener.open(header(record, "ce_type"), record.value()), this.json.readTree(record.value()),
						this.typeFormat))
				.toList();
		}, until);
	}

	/**
	 * Waits until at least {@code count} events of this type (simple name) are keyed by
	 * the key.
	 * @return the events of that type, oldest first
	 */
	public List<Event> awaitEvents(String key, String type, int count) {
		return awaitEvents(key, (events) -> events.stream().filter((event) -> event.is(type)).count() >= count).stream()
			.filter((event) -> event.is(type))
			.toList();
	}

	/**
	 * Waits until an event of the barrier's type (simple name) is keyed by the key: a
	 * later event the test caused on the same key, so on the same partition after the
	 * ones before it.
	 * @return every event keyed by the key before the first barrier, oldest first
	 */
	public List<Event> awaitEventsBefore(String key, String barrierType) {
		List<Event> events = awaitEvents(key, (read) -> read.stream().anyMatch((event) -> event.is(barrierType)));
		return events.subList(0,
				events.indexOf(events.stream().filter((event) -> event.is(barrierType)).findFirst().orElseThrow()));
	}

	@Override
	public void close() {
		this.consumer.close();
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return StreamSupport.stream(record.headers().headers(name).spliterator(), false)
			.reduce((first, second) -> second)
			.map(Header::value)
			.map((value) -> new String(value, StandardCharsets.UTF_8))
			.orElse(null);
	}

	/** Reads an event's data, opening what its producer sealed. */
	@FunctionalInterface
	public interface Opener {

		JsonNode open(String type, byte[] data);

	}

	/**
	 * An event read back: its CloudEvents type, its data (opened, when the reader was
	 * given an {@link Opener}) and its data as it is on the topic.
	 */
	public record Event(String type, JsonNode data, JsonNode onTheTopic, String typeFormat) {

		/** Whether it is of the type with this simple name, e.g. {@code SeatOffered}. */
		public boolean is(String simpleName) {
			return this.type.equals(this.typeFormat.formatted(simpleName));
		}

		/** Its type's simple name, e.g. {@code SeatOffered}. */
		public String simpleName() {
			String[] around = this.typeFormat.split("%s", 2);
			return this.type.substring(around[0].length(), this.type.length() - around[1].length());
		}

		/** A text field of its data, or {@code null}. */
		public String text(String field) {
			JsonNode value = this.data.get(field);
			return (value == null || value.isNull()) ? null : value.asString();
		}

	}

}
