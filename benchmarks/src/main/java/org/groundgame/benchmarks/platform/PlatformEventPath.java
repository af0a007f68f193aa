package org.groundgame.benchmarks.platform;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;

import org.groundgame.benchmarks.Completions;
import org.groundgame.benchmarks.EventPath;
import org.groundgame.events.Topics;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The platform's event path, through its own code: a chapter saved with its event in the
 * embedded outbox by a Spring Data repository, the {@code OutboxRelay} woken by the save
 * and publishing a CloudEvent through the Spring Cloud Stream Kafka binder, and an
 * {@code EventConsumers} consumer in a named group that records the event as processed
 * and inserts its effect. The application runs with the platform's defaults
 * ({@code groundgame-defaults.yaml}), pointed at the given broker and store.
 */
public final class PlatformEventPath implements EventPath {

	public static final String DESCRIPTION = "repository save (embedded outbox) -> OutboxRelay -> Stream Kafka binder"
			+ " (CloudEvent) -> EventConsumers (idempotency record, effect insert)";

	static final String DATABASE = "groundgame-benchmark";

	/** The name {@code OutboxRelay} gives its thread. */
	static final String RELAY_THREAD = "outbox-relay";

	private final ConfigurableApplicationContext context;

	private final ChapterRegistrations registrations;

	/**
	 * Starts the application.
	 * @param bootstrapServers the Kafka broker
	 * @param mongoConnectionString the MongoDB-wire server, without a database
	 * @param completions told of each event's effect
	 * @param extraProperties Spring properties applied over the benchmark's own
	 */
	public PlatformEventPath(String bootstrapServers, String mongoConnectionString, Completions completions,
			Map<String, String> extraProperties) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.application.name", "benchmark-platform");
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
		properties.put("spring.mongodb.uri", mongoConnectionString);
		properties.put("spring.mongodb.database", DATABASE);
		properties.put("spring.cloud.function.definition", BenchmarkServices.CONSUMER);
		String binding = "spring.cloud.stream.bindings." + BenchmarkServices.CONSUMER + "-in-0.";
		properties.put(binding + "destination", Topics.VOLUNTEER);
		properties.put(binding + "group", BenchmarkServices.GROUP);
		// Every service seals the keys of personal data with a key-encryption key; the
		// benchmark's chapter events carry none, so a key of its own, thrown away, does.
		properties.put("groundgame.secrets.kek",
				Base64.getEncoder().encodeToString(KeyGenerators.secureRandom(32).generateKey()));
		properties.putAll(extraProperties);
		// As command-line arguments: they must win over the platform defaults, which
		// service-support adds behind every other property source.
		String[] args = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		this.context = new SpringApplicationBuilder(BenchmarkServices.class).web(WebApplicationType.NONE)
			.initializers((context) -> context.getBeanFactory().registerSingleton("completions", completions))
			.run(args);
		this.registrations = this.context.getBean(ChapterRegistrations.class);
	}

	@Override
	public void send(String eventId) {
		this.registrations.register(eventId);
	}

	/**
	 * The relay's own view from its {@code groundgame.outbox.delay} timer: from an
	 * event's occurrence (just before the save) to Kafka's acknowledgement and the
	 * event's removal from the outbox, over all events of the run, warm-up included.
	 * Percentiles are upper bounds of the timer's histogram buckets.
	 */
	@Override
	public List<String> notes() {
		MeterRegistry meters = this.context.getBeanProvider(MeterRegistry.class)
			.orderedStream()
			.findFirst()
			.orElse(null);
		Timer delay = (meters != null) ? meters.find("groundgame.outbox.delay").timer() : null;
		if (delay == null) {
			return List.of();
		}
		HistogramSnapshot snapshot = delay.takeSnapshot();
		List<String> notes = new ArrayList<>();
		notes.add(String.format(Locale.ROOT,
				"relay's groundgame.outbox.delay (write to Kafka ack, %d events incl. warm-up): p50 <= %.1f ms,"
						+ " p99 <= %.1f ms, mean %.2f ms",
				snapshot.count(), upperBound(snapshot, 50), upperBound(snapshot, 99),
				snapshot.mean(TimeUnit.MILLISECONDS)));
		long relayCpu = threadCpuNanos(RELAY_THREAD);
		if (relayCpu >= 0 && snapshot.count() > 0) {
			notes.add(String.format(Locale.ROOT, "relay thread (%s): %.3f ms of CPU per event published", RELAY_THREAD,
					relayCpu / 1e6 / snapshot.count()));
		}
		return notes;
	}

	/** The CPU time of a live thread of this JVM, or -1. */
	private static long threadCpuNanos(String threadName) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals(threadName))
			.mapToLong((thread) -> threads.getThreadCpuTime(thread.threadId()))
			.findFirst()
			.orElse(-1);
	}

	private static double upperBound(HistogramSnapshot snapshot, double percentile) {
		double wanted = snapshot.count() * percentile / 100;
		for (CountAtBucket bucket : snapshot.histogramCounts()) {
			if (bucket.count() >= wanted) {
				return bucket.bucket(TimeUnit.MILLISECONDS);
			}
		}
		return Double.POSITIVE_INFINITY;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
