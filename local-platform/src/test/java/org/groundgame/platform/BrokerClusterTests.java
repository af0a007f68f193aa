package org.groundgame.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cluster's shape of Kafka: three KRaft nodes, each its own process, that keep every
 * acknowledged write while one of them is killed ({@code kill -9}) and started again.
 */
class BrokerClusterTests {

	private static final Duration START = Duration.ofMinutes(2);

	@TempDir
	static Path folder;

	private static BrokerCluster cluster;

	private static final List<String> output = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void startCluster() {
		cluster = BrokerCluster.start(folder.resolve("kafka-cluster"), 0, folder.resolve("logs"), START, output::add);
	}

	@AfterAll
	static void stopCluster() {
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void everyNodeIsItsOwnProcessAndEveryTopicHasThreeReplicasOfWhichTwoMustHaveAWrite() throws Exception {
		Set<Long> pids = Set.of(cluster.pid(1), cluster.pid(2), cluster.pid(3));
		assertThat(pids).hasSize(3).doesNotContain(-1L, ProcessHandle.current().pid());
		try (Admin admin = admin()) {
			admin.createTopics(List.of(new NewTopic("replicated", 3, (short) -1))).all().get();
			TopicDescription topic = admin.describeTopics(List.of("replicated"))
				.allTopicNames()
				.get()
				.get("replicated");
			assertThat(topic.partitions()).hasSize(3)
				.allSatisfy((partition) -> assertThat(partition.replicas()).hasSize(3));
			Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, "replicated")))
				.all()
				.get()
				.values()
				.iterator()
				.next();
			assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
		}
	}

	@Test
	void everyAcknowledgedRecordSurvivesTheKillOfANodeInTheMiddleOfTheStream() throws Exception {
		String topic = "acknowledged";
		try (Admin admin = admin()) {
			admin.createTopics(List.of(new NewTopic(topic, 3, (short) -1))).all().get();
		}
		int records = 3000;
		List<String> acknowledged = new ArrayList<>();
		int victim;
		try (KafkaProducer<String, String> producer = producer()) {
			List<Future<RecordMetadata>> sends = new ArrayList<>();
			for (int i = 0; i < records / 2; i++) {
				sends.add(producer.send(new ProducerRecord<>(topic, "key-" + (i % 30), "record-" + i)));
			}
			producer.flush();
			awaitAcknowledged(sends, acknowledged, 0);
			// The node that leads partition 0: its death moves leadership mid-stream.
			try (Admin admin = admin()) {
				victim = admin.describeTopics(List.of(topic))
					.allTopicNames()
					.get()
					.get(topic)
					.partitions()
					.get(0)
					.leader()
					.id();
			}
			long killedPid = cluster.pid(victim);
			cluster.kill(victim);
			sends.clear();
			for (int i = records / 2; i < records; i++) {
				sends.add(producer.send(new ProducerRecord<>(topic, "key-" + (i % 30), "record-" + i)));
			}
			producer.flush();
			awaitAcknowledged(sends, acknowledged, records / 2);
			await().atMost(START).until(() -> cluster.restarts(victim) == 1);
			cluster.awaitBrokers(3, START);
			assertThat(cluster.pid(victim)).isNotIn(killedPid, -1L);
		}
		assertThat(acknowledged).hasSize(records);
		List<String> read = readAll(topic, records);
		// Exactly the acknowledged records: none lost, none written twice (the producer
		// is idempotent, so its retries after the leader died add nothing).
		assertThat(read).hasSize(records).containsExactlyInAnyOrderElementsOf(acknowledged);
		assertThat(output)
			.anySatisfy((line) -> assertThat(line).contains("Kafka node " + victim).contains("starting it again"));
	}

	private static void awaitAcknowledged(List<Future<RecordMetadata>> sends, List<String> acknowledged, int first)
			throws Exception {
		for (int i = 0; i < sends.size(); i++) {
			sends.get(i).get();
			acknowledged.add("record-" + (first + i));
		}
	}

	private List<String> readAll(String topic, int expected) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		List<String> read = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
			// Read up to each partition's end: every record there is, counted as it is.
			await().atMost(Duration.ofMinutes(1)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					read.add(record.value());
				}
				return positionsReached(consumer, ends);
			});
		}
		assertThat(read.size()).as("records on the topic").isGreaterThanOrEqualTo(expected);
		return read;
	}

	private static boolean positionsReached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
		Collection<TopicPartition> partitions = ends.keySet();
		return partitions.stream().allMatch((partition) -> consumer.position(partition) >= ends.get(partition));
	}

	private KafkaProducer<String, String> producer() {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
		properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
		properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		return new KafkaProducer<>(properties);
	}

	private Admin admin() {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
		return Admin.create(properties);
	}

}
