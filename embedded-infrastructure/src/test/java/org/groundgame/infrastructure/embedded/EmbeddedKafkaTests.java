package org.groundgame.infrastructure.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

class EmbeddedKafkaTests {

	@Test
	void recordsProducedToTheBrokerAreConsumedInOrderOfTheirKey() throws Exception {
		try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
			String topic = "nominations-" + UUID.randomUUID();
			send(kafka, topic, "nomination-1", "submitted", "endorsed", "won");

			assertThat(consume(kafka, topic, 3)).containsExactly("submitted", "endorsed", "won");
		}
	}

	@Test
	void automaticallyCreatedTopicsHaveThreePartitions() throws Exception {
		try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
			String topic = "volunteers-" + UUID.randomUUID();
			send(kafka, topic, "volunteer-1", "signed-up");

			try (KafkaConsumer<String, String> consumer = consumer(kafka)) {
				assertThat(consumer.partitionsFor(topic)).hasSize(3);
			}
		}
	}

	@Test
	void brokerStoppedAndRestartedComesBackAtTheSameAddressWithItsMessages() throws Exception {
		try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
			String address = kafka.bootstrapServers();
			String topic = "races-" + UUID.randomUUID();
			send(kafka, topic, "race-1", "opened");

			kafka.stop();
			assertThat(kafka.isRunning()).isFalse();
			assertThat(accepts(kafka.port())).isFalse();

			kafka.restart();
			assertThat(kafka.bootstrapServers()).isEqualTo(address);
			send(kafka, topic, "race-1", "closed");
			assertThat(consume(kafka, topic, 2)).containsExactly("opened", "closed");
		}
	}

	@Test
	void dataDirectoryIsReusedByTheNextBrokerSoTopicsAndMessagesSurvive(@TempDir Path directory) throws Exception {
		Path data = directory.resolve("kafka");
		String topic = "chapters-" + UUID.randomUUID();
		try (EmbeddedKafka kafka = EmbeddedKafka.start(data, 0)) {
			send(kafka, topic, "chapter-1", "registered");
		}
		String metaProperties = Files.readString(data.resolve("meta.properties"));

		try (EmbeddedKafka kafka = EmbeddedKafka.start(data, 0)) {
			send(kafka, topic, "chapter-1", "renamed");
			assertThat(consume(kafka, topic, 2)).containsExactly("registered", "renamed");
		}
		assertThat(clusterId(Files.readString(data.resolve("meta.properties")))).isEqualTo(clusterId(metaProperties));
		assertThat(data).isDirectory();
	}

	@Test
	void portInUseIsReportedWithThePortAndNotBrokerInternals(@TempDir Path directory) throws IOException {
		try (ServerSocket occupant = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			int port = occupant.getLocalPort();

			assertThatExceptionOfType(PortInUseException.class)
				.isThrownBy(() -> EmbeddedKafka.start(directory.resolve("kafka"), port))
				.satisfies((ex) -> assertThat(ex.port()).isEqualTo(port))
				.withMessage("Port " + port
						+ " is already in use (Kafka broker): stop whatever uses it or choose another port");
		}
	}

	@Test
	void restartReportsThePortWhenSomethingElseTookIt() throws IOException {
		try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
			kafka.stop();
			try (ServerSocket occupant = new ServerSocket()) {
				occupant.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), kafka.port()));

				assertThatExceptionOfType(PortInUseException.class).isThrownBy(kafka::restart)
					.satisfies((ex) -> assertThat(ex.port()).isEqualTo(kafka.port()));
			}
		}
	}

	@Test
	void brokerListensOnLoopbackOnly() throws SocketException {
		Optional<InetAddress> otherAddress = nonLoopbackAddress();
		assumeThat(otherAddress).as("a non-loopback address on this machine").isPresent();
		try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
			assertThat(accepts(kafka.port())).isTrue();
			assertThat(accepts(otherAddress.get(), kafka.port())).isFalse();
		}
	}

	@Test
	void closingATemporaryBrokerDeletesItsDataAndLeavesNoThreadThatKeepsTheJvmAlive() throws Exception {
		Set<Thread> before = nonDaemonThreads();
		Path data;
		try (EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
			String topic = "shifts-" + UUID.randomUUID();
			send(kafka, topic, "shift-1", "scheduled");
			assertThat(consume(kafka, topic, 1)).containsExactly("scheduled");
			data = kafka.dataDirectory();
			assertThat(data).isDirectory();
		}

		assertThat(data).doesNotExist();
		await().pollInSameThread()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(names(nonDaemonThreads(), before)).isEmpty());
	}

	private static Set<Thread> nonDaemonThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && !thread.isDaemon())
			.collect(Collectors.toSet());
	}

	private static List<String> names(Set<Thread> threads, Set<Thread> except) {
		return threads.stream()
			.filter((thread) -> !except.contains(thread) && !thread.getName().startsWith("awaitility"))
			.map(Thread::getName)
			.toList();
	}

	private static String clusterId(String metaProperties) {
		return metaProperties.lines()
			.filter((line) -> line.startsWith("cluster.id="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no cluster.id in " + metaProperties));
	}

	static void send(EmbeddedKafka kafka, String topic, String key, String... values)
			throws InterruptedException, ExecutionException {
		Map<String, Object> configuration = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(configuration)) {
			for (String value : values) {
				producer.send(new ProducerRecord<>(topic, key, value)).get();
			}
		}
	}

	static List<String> consume(EmbeddedKafka kafka, String topic, int count) {
		List<String> values = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = consumer(kafka)) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					values.add(record.value());
				}
				return values.size() >= count;
			});
		}
		return values;
	}

	private static KafkaConsumer<String, String> consumer(EmbeddedKafka kafka) {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "tests-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
	}

	private static boolean accepts(int port) {
		return accepts(InetAddress.getLoopbackAddress(), port);
	}

	private static boolean accepts(InetAddress address, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
		return NetworkInterface.networkInterfaces()
			.filter(EmbeddedKafkaTests::isUp)
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
			.findFirst();
	}

	private static boolean isUp(NetworkInterface networkInterface) {
		try {
			return networkInterface.isUp();
		}
		catch (SocketException ex) {
			return false;
		}
	}

}
