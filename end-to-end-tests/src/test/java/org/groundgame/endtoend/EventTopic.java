package org.groundgame.endtoend;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A topic read the way any Kafka client outside the platform would: a plain consumer,
 * from the beginning of every partition, no Spring, no CloudEvents SDK.
 */
final class EventTopic implements AutoCloseable {

	private final KafkaConsumer<String, String> consumer;

	private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

	EventTopic(String bootstrapServers, String topic) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "end-to-end-tests-" + UUID.randomUUID(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
				new StringDeserializer());
		List<TopicPartition> partitions = this.consumer.partitionsFor(topic, Duration.ofSeconds(30))
			.stream()
			.map((partition) -> new TopicPartition(topic, partition.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
	}

	/**
	 * Polls once more and answers every record seen so far with the key.
	 * @param key the record key (an aggregate id)
	 * @return the records with that key, in the order of their partition
	 */
	List<ConsumerRecord<String, String>> recordsWithKey(String key) {
		this.consumer.poll(Duration.ofMillis(200)).forEach(this.seen::add);
		return this.seen.stream().filter((record) -> key.equals(record.key())).toList();
	}

	static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@Override
	public void close() {
		this.consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
	}

}
