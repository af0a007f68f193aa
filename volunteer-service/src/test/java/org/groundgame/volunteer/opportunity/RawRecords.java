package org.groundgame.volunteer.opportunity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.groundgame.test.TestInfrastructure;

import static org.awaitility.Awaitility.await;

/**
 * The service's topic read from its start, every record kept: none de-duplicated by
 * {@code ce_id} (as test-support's {@code TopicEvents} does), so that a test counting
 * records sees an event published twice.
 */
final class RawRecords implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

	RawRecords() {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "raw-records-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(List.of(ShiftApi.TOPIC));
	}

	/**
	 * The events' types (simple names) of every record keyed by the key, oldest first,
	 * before the first of the barrier's type: a later event on the same key (the same
	 * partition) that the test caused after the others, waited for up to a minute.
	 */
	List<String> typesBefore(String key, String barrierType) {
		String barrier = ShiftApi.EVENT_TYPE.formatted(barrierType);
		List<String> types = await().atMost(Duration.ofSeconds(60)).until(() -> {
			this.consumer.poll(Duration.ofMillis(200)).forEach(this.seen::add);
			return this.seen.stream().filter((record) -> key.equals(record.key())).map(RawRecords::type).toList();
		}, (read) -> read.contains(barrier));
		return types.subList(0, types.indexOf(barrier))
			.stream()
			.map((type) -> type.substring("org.groundgame.volunteer.".length(), type.length() - ".v1".length()))
			.toList();
	}

	@Override
	public void close() {
		this.consumer.close();
	}

	private static String type(ConsumerRecord<?, ?> record) {
		return StreamSupport.stream(record.headers().headers("ce_type").spliterator(), false)
			.reduce((first, second) -> second)
			.map(Header::value)
			.map((value) -> new String(value, StandardCharsets.UTF_8))
			.orElse("");
	}

}
