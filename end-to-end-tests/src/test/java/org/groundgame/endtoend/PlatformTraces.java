package org.groundgame.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.groundgame.platform.LocalPlatform;
import org.groundgame.platform.Service;

import static org.awaitility.Awaitility.await;

/**
 * Where a person's data is still to be found on the running platform, as an erasure's
 * tests look for it: every document of every store, every record of every topic, and
 * every service's log.
 */
final class PlatformTraces {

	private static final Duration EVENTUALLY = Duration.ofSeconds(30);

	private final LocalPlatform platform;

	PlatformTraces(LocalPlatform platform) {
		this.platform = platform;
	}

	/**
	 * Where any of the values appears (ignoring case), as {@code database.collection/id}:
	 * every collection of every database but MongoDB's own.
	 */
	List<String> storesHolding(List<String> values) {
		List<String> needles = values.stream().map((value) -> value.toLowerCase(Locale.ROOT)).toList();
		List<String> found = new ArrayList<>();
		try (MongoClient mongo = MongoClients.create(this.platform.mongoConnectionString())) {
			for (String databaseName : mongo.listDatabaseNames()) {
				if (List.of("admin", "local", "config").contains(databaseName)) {
					continue;
				}
				MongoDatabase database = mongo.getDatabase(databaseName);
				for (String collection : database.listCollectionNames()) {
					for (Document document : database.getCollection(collection).find()) {
						String stored = document.toJson().toLowerCase(Locale.ROOT);
						if (needles.stream().anyMatch(stored::contains)) {
							found.add(databaseName + "." + collection + "/" + document.get("_id"));
						}
					}
				}
			}
		}
		return found;
	}

	/**
	 * Where any of the values appears (ignoring case) on the platform's broker, as
	 * {@code topic/partition@offset}: the key, the headers and the value of every record
	 * of every topic, dead-letter and keys topics included, from its beginning.
	 */
	List<String> recordsHolding(List<String> values) {
		List<String> needles = values.stream().map((value) -> value.toLowerCase(Locale.ROOT)).toList();
		List<String> found = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = reader()) {
			for (String topic : consumer.listTopics(Duration.ofSeconds(10)).keySet()) {
				for (ConsumerRecord<byte[], byte[]> record : readAll(consumer, topic)) {
					StringBuilder text = new StringBuilder(text(record.key())).append('\n')
						.append(text(record.value()));
					record.headers().forEach((header) -> text.append('\n').append(text(header.value())));
					String lower = text.toString().toLowerCase(Locale.ROOT);
					if (needles.stream().anyMatch(lower::contains)) {
						found.add(topic + "/" + record.partition() + "@" + record.offset());
					}
				}
			}
		}
		return found;
	}

	/**
	 * The key the owner shares for the personal record, as the compacted keys topic's
	 * last word on it says: empty after a tombstone.
	 */
	Optional<String> liveKeyOf(String keysTopic, String subject) {
		try (KafkaConsumer<byte[], byte[]> consumer = reader()) {
			String last = null;
			for (ConsumerRecord<byte[], byte[]> record : readAll(consumer, keysTopic)) {
				if (subject.equals(text(record.key()))) {
					last = (record.value() != null) ? text(record.value()) : null;
				}
			}
			return Optional.ofNullable(last);
		}
	}

	/** Which services' logs mention any of the values (ignoring case). */
	List<Service> logsHolding(List<String> values) {
		List<String> needles = values.stream().map((value) -> value.toLowerCase(Locale.ROOT)).toList();
		List<Service> found = new ArrayList<>();
		for (Service service : Service.values()) {
			try {
				Path log = this.platform.logFile(service);
				String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT)
						: "";
				if (needles.stream().anyMatch(text::contains)) {
					found.add(service);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return found;
	}

	private KafkaConsumer<byte[], byte[]> reader() {
		return new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.platform.kafkaBootstrapServers(),
						ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false"),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	private static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaConsumer<byte[], byte[]> consumer, String topic) {
		List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
			.stream()
			.map((partition) -> new TopicPartition(topic, partition.partition()))
			.toList();
		Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		// A topic with nothing left to read (never written to, or all deleted by
		// retention) is not polled: a poll of it waits out its whole timeout.
		Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
		if (ends.entrySet().stream().allMatch((end) -> end.getValue() <= beginnings.get(end.getKey()))) {
			return records;
		}
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		await().atMost(EVENTUALLY).until(() -> {
			consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
		});
		return records;
	}

	private static String text(byte[] bytes) {
		return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : "";
	}

}
