package org.groundgame.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.groundgame.test.TestInfrastructure;

import static org.awaitility.Awaitility.await;

/**
 * Plain Kafka clients, independent of the code under test, to look at and feed the
 * topics.
 */
final class KafkaTestClients {

	private KafkaTestClients() {
	}

	/** Sends a record and waits for the broker to acknowledge it: where it was put. */
	static RecordMetadata send(String topic, String key, Map<String, String> headers, String data) {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
						ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
					data.getBytes(StandardCharsets.UTF_8));
			headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
			return producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send the test record", ex);
		}
	}

	/**
	 * The offset a consumer group committed for a partition: the next one it will read
	 * after a restart; -1 when it committed none.
	 */
	static long committedOffset(String group, TopicPartition partition) {
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()))) {
			OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get()
				.get(partition);
			return (committed != null) ? committed.offset() : -1;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not read the group's offsets", ex);
		}
	}

	static Map<String, String> cloudEventHeaders(String id, String type, String subject) {
		return Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", type, "ce_source", "/tests", "ce_subject",
				subject, "ce_time", Instant.now().toString(), "content-type", "application/json");
	}

	/** Reads the topic from its beginning until a record matches, and returns it. */
	static ConsumerRecord<String, byte[]> awaitRecord(String topic,
			Predicate<ConsumerRecord<String, byte[]>> matching) {
		return readFromBeginningUntil(topic, matching, (found) -> !found.isEmpty()).get(0);
	}

	/** Every record the topic holds now, from its beginning to its end offsets. */
	static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
						ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map((partition) -> new TopicPartition(topic, partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
			});
			return records;
		}
	}

	/**
	 * Every record keyed by the key, from the topic's beginning up to and including the
	 * one whose CloudEvents id is the barrier's: every raw record, a duplicate too (no
	 * de-duplication by {@code ce_id}). Records of one key share a partition, so all that
	 * were published before the barrier are in the list.
	 */
	static List<ConsumerRecord<String, byte[]>> readKeyUpTo(String topic, String key, String barrierEventId) {
		Predicate<ConsumerRecord<String, byte[]>> barrier = (record) -> barrierEventId.equals(header(record, "ce_id"));
		List<ConsumerRecord<String, byte[]>> keyed = readFromBeginningUntil(topic, (record) -> key.equals(record.key()),
				(read) -> read.stream().anyMatch(barrier));
		return keyed.subList(0, keyed.indexOf(keyed.stream().filter(barrier).findFirst().orElseThrow()) + 1);
	}

	/**
	 * Reads the topic from its beginning in a group of its own, keeping the records that
	 * match, until what was kept is enough.
	 */
	private static List<ConsumerRecord<String, byte[]>> readFromBeginningUntil(String topic,
			Predicate<ConsumerRecord<String, byte[]>> keep, Predicate<List<ConsumerRecord<String, byte[]>>> enough) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, byte[]>> kept = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (keep.test(record)) {
						kept.add(record);
					}
				});
				return enough.test(kept);
			});
			return kept;
		}
	}

	/** Every topic of the broker, dead-letter topics included. */
	static Set<String> topics() {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			return consumer.listTopics(Duration.ofSeconds(10)).keySet();
		}
	}

	static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
