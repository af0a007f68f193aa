package org.groundgame.benchmarks.floor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.groundgame.benchmarks.Completions;
import org.groundgame.benchmarks.EventPath;
import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.support.cloudevents.EventJson;

/**
 * The floor: the least any event path on this broker can cost. A plain
 * {@link KafkaProducer} with the platform's delivery guarantees ({@code acks=all},
 * idempotence, {@code linger.ms=0}) sends the same event JSON, without waiting for the
 * acknowledgement; a {@link KafkaConsumer} in one group polls, and the event counts as
 * arrived when its record comes out of {@code poll}.
 */
public final class BareKafkaPath implements EventPath {

	public static final String DESCRIPTION = "KafkaProducer (acks=all, idempotent, linger.ms=0) -> KafkaConsumer poll";

	static final String TOPIC = "groundgame.benchmark.floor";

	static final String GROUP = "benchmark-floor";

	static final String EVENT_ID_HEADER = "ce_id";

	/** As many as the platform's topics get ({@code min-partition-count}). */
	private static final int PARTITIONS = 3;

	private final EventJson json = new EventJson();

	private final KafkaProducer<String, byte[]> producer;

	private final KafkaConsumer<String, byte[]> consumer;

	private final Thread poller;

	private volatile boolean running = true;

	public BareKafkaPath(String bootstrapServers, Completions completions) {
		createTopic(bootstrapServers);
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
						ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 0,
						ProducerConfig.CLIENT_ID_CONFIG, "benchmark-floor-producer"),
				new StringSerializer(), new ByteArraySerializer());
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, GROUP, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.CLIENT_ID_CONFIG, "benchmark-floor-consumer"), new StringDeserializer(),
				new ByteArrayDeserializer());
		this.consumer.subscribe(List.of(TOPIC));
		this.poller = Thread.ofPlatform().name("benchmark-floor-consumer").start(() -> poll(completions));
	}

	@Override
	public void send(String eventId) {
		String chapterId = UUID.randomUUID().toString();
		byte[] payload = this.json
			.write(new ChapterRegistered(eventId, Instant.now(), chapterId, "Benchmark chapter", "MO", "St. Louis",
					"chapter@example.org"))
			.getBytes(StandardCharsets.UTF_8);
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, chapterId, payload);
		record.headers().add(EVENT_ID_HEADER, eventId.getBytes(StandardCharsets.UTF_8));
		this.producer.send(record);
	}

	private void poll(Completions completions) {
		try {
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(500))) {
					long received = System.nanoTime();
					Header id = record.headers().lastHeader(EVENT_ID_HEADER);
					if (id != null) {
						completions.completed(new String(id.value(), StandardCharsets.UTF_8), received);
					}
				}
			}
		}
		catch (WakeupException ex) {
			// close() ends the loop.
		}
		finally {
			this.consumer.close();
		}
	}

	private static void createTopic(String bootstrapServers) {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		try (Admin admin = Admin.create(properties)) {
			admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
				throw new IllegalStateException("Could not create topic " + TOPIC, ex.getCause());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating topic " + TOPIC, ex);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Topic " + TOPIC + " was not created within 30 s", ex);
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		try {
			this.poller.join(Duration.ofSeconds(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.producer.close(Duration.ofSeconds(5));
	}

}
