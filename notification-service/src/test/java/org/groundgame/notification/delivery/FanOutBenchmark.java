package org.groundgame.notification.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.groundgame.notification.LoopbackServer;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.NotificationFixture;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.chapter.ChapterSetUp;
import org.groundgame.notification.subscription.SubscriptionSetUp;
import org.groundgame.notification.subscription.domain.SubscriptionChange;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fan-out harness of issue 19 (not a test of the suite: its name matches none of
 * surefire's patterns; run it by name, see the module's README): how long one endorsement
 * takes to reach 300 chapters by inbox, e-mail and webhook each, and how many webhook
 * deliveries a second this service makes to a loopback receiver, each beside its baseline
 * measured in the same run: the bare channels (the same POSTs and SMTP sends, at the
 * service's concurrency, without the service) and a plain {@link HttpClient} loop against
 * the same receiver.
 * <p>
 * Everything runs in the tests' one JVM: the whole service on its real Kafka broker and
 * MongoDB-wire store (in-process), GreenMail as the SMTP server, a JDK {@link HttpServer}
 * on 127.0.0.1 as every chapter's webhook receiver. A delivery is done when the service
 * counts it delivered ({@code groundgame.notification.deliveries}, per channel): the
 * inbox entry written, the e-mail accepted by the SMTP server, the webhook answered 2xx
 * and recorded. Times are from just before the event is published.
 * <p>
 * Settings (system properties, e.g. {@code -Dfanout.rounds=20}): {@code fanout.chapters}
 * (300), {@code fanout.rounds} (10), {@code fanout.warmup} (3), {@code fanout.events} (10
 * endorsements at once for the throughput), {@code fanout.batches} (3, after one warm-up
 * batch).
 */
@NotificationServiceIntegrationTest
class FanOutBenchmark {

	private static final int CHAPTERS = Integer.getInteger("fanout.chapters", 300);

	private static final int ROUNDS = Integer.getInteger("fanout.rounds", 10);

	private static final int WARMUP = Integer.getInteger("fanout.warmup", 3);

	private static final int EVENTS = Integer.getInteger("fanout.events", 10);

	private static final int BATCHES = Integer.getInteger("fanout.batches", 3);

	/** The state of the chapters that hear by inbox, e-mail and webhook. */
	private static final String FAN_OUT_STATE = "MP";

	/** The state of the chapters that hear by webhook only. */
	private static final String WEBHOOK_STATE = "VI";

	private static final Duration PATIENCE = Duration.ofSeconds(120);

	/**
	 * The webhook client's connections per route (host and port), which binds here: every
	 * chapter's endpoint is on the one receiver.
	 */
	private static final int WEBHOOK_CONNECTIONS_PER_ROUTE = 20;

	private enum Way {

		INBOX, EMAIL, WEBHOOK

	}

	private final ApplicationContext context;

	private final MeterRegistry meters;

	private final JavaMailSender mail;

	private final DeliveryProperties properties;

	@Autowired
	FanOutBenchmark(ApplicationContext context, MeterRegistry meters, JavaMailSender mail,
			DeliveryProperties properties) {
		this.context = context;
		this.meters = meters;
		this.mail = mail;
		this.properties = properties;
	}

	@Test
	void measure() throws Exception {
		String load = loadAverage();
		try (CloudEventProducer events = new CloudEventProducer(); LoopbackReceiver receiver = new LoopbackReceiver()) {
			List<String> fanOut = ChapterSetUp.register(this.context, FAN_OUT_STATE, CHAPTERS);
			SubscriptionSetUp.subscribeAll(this.context, fanOut,
					(chapterId) -> new SubscriptionChange(List.of("ENDORSEMENTS"), List.of(),
							NotificationFixture.contactEmailOf(chapterId), receiver.url("/" + chapterId), true, true));
			List<String> webhookOnly = ChapterSetUp.register(this.context, WEBHOOK_STATE, CHAPTERS);
			SubscriptionSetUp.subscribeAll(this.context, webhookOnly,
					(chapterId) -> new SubscriptionChange(List.of("ENDORSEMENTS"), List.of(), null,
							receiver.url("/" + chapterId), true, false));

			int perEndpoint = Math.min(this.properties.webhookConcurrency(), WEBHOOK_CONNECTIONS_PER_ROUTE);
			List<Long> bare = new ArrayList<>();
			List<Long> toLast = new ArrayList<>();
			Map<Way, List<Long>> each = new EnumMap<>(Way.class);
			for (Way way : Way.values()) {
				each.put(way, new ArrayList<>());
			}
			for (int round = 0; round < WARMUP + ROUNDS; round++) {
				boolean measured = round >= WARMUP;
				long bareNanos = bareChannels(receiver, perEndpoint);
				Round result = fanOut(events);
				if (measured) {
					bare.add(bareNanos);
					toLast.add(result.toLast());
					result.each().forEach((way, times) -> each.get(way).addAll(times));
				}
			}

			int total = EVENTS * CHAPTERS;
			List<Double> bareRates = new ArrayList<>();
			List<Double> platformRates = new ArrayList<>();
			for (int batch = 0; batch <= BATCHES; batch++) {
				double bareRate = total / seconds(bareLoop(receiver, total, perEndpoint));
				double platformRate = total / seconds(webhookBatch(events, total));
				if (batch > 0) {
					bareRates.add(bareRate);
					platformRates.add(platformRate);
				}
			}
			String report = report(load, perEndpoint, bare, toLast, each, bareRates, platformRates);
			System.out.println(report);
			Path file = Path.of("target", "fanout-benchmark.txt");
			Files.createDirectories(file.getParent());
			Files.writeString(file, report);
			assertThat(failed()).as("deliveries that failed").isZero();
		}
	}

	private record Round(long toLast, Map<Way, List<Long>> each) {
	}

	/**
	 * One endorsement to the fan-out state's chapters: the time to each delivery and to
	 * the last.
	 */
	private Round fanOut(CloudEventProducer events) {
		Map<Way, Long> before = delivered();
		Map<Way, List<Long>> each = new EnumMap<>(Way.class);
		for (Way way : Way.values()) {
			each.put(way, new ArrayList<>(CHAPTERS));
		}
		long started = System.nanoTime();
		events.endorsementGranted(NotificationFixture.granted(FAN_OUT_STATE, "endorsement-" + UUID.randomUUID()));
		long deadline = started + PATIENCE.toNanos();
		boolean done = false;
		while (!done) {
			long now = System.nanoTime();
			if (now > deadline) {
				throw new IllegalStateException("Not every delivery was done after " + PATIENCE + ": " + each);
			}
			done = true;
			Map<Way, Long> counted = delivered();
			for (Way way : Way.values()) {
				List<Long> times = each.get(way);
				long reached = Math.min(counted.get(way) - before.get(way), CHAPTERS);
				while (times.size() < reached) {
					times.add(now - started);
				}
				done &= times.size() == CHAPTERS;
			}
			LockSupport.parkNanos(200_000);
		}
		long last = each.values().stream().mapToLong((times) -> times.get(times.size() - 1)).max().orElseThrow();
		return new Round(last, each);
	}

	/**
	 * {@code total} webhooks, {@link #EVENTS} endorsements published at once to the
	 * webhook-only chapters: the time to the last delivery.
	 */
	private long webhookBatch(CloudEventProducer events, int total) {
		long before = delivered().get(Way.WEBHOOK);
		long started = System.nanoTime();
		for (int i = 0; i < EVENTS; i++) {
			events.endorsementGranted(NotificationFixture.granted(WEBHOOK_STATE, "endorsement-" + UUID.randomUUID()));
		}
		long deadline = started + PATIENCE.toNanos();
		while (delivered().get(Way.WEBHOOK) - before < total) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Not every webhook was delivered after " + PATIENCE);
			}
			LockSupport.parkNanos(200_000);
		}
		return System.nanoTime() - started;
	}

	/**
	 * The baseline of one round: what the channels themselves take without the service,
	 * {@link #CHAPTERS} POSTs to the receiver at the service's concurrency per endpoint
	 * and as many SMTP sends at its e-mail concurrency, all at once.
	 */
	private long bareChannels(LoopbackReceiver receiver, int perEndpoint) throws Exception {
		long started = System.nanoTime();
		Future<?> posts;
		try (ExecutorService poster = Executors.newSingleThreadExecutor()) {
			posts = poster.submit(() -> bareLoop(receiver, CHAPTERS, perEndpoint));
			AtomicInteger left = new AtomicInteger(CHAPTERS);
			try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
				for (int i = 0; i < this.properties.emailConcurrency(); i++) {
					senders.submit(() -> {
						while (left.getAndDecrement() > 0) {
							MimeMessage message = this.mail.createMimeMessage();
							message.setFrom("bench@groundgame.example");
							message.setRecipients(MimeMessage.RecipientType.TO, "bare@chapter.example");
							message.setSubject("Endorsed: Jane Example", "UTF-8");
							message.setText(BODY, "UTF-8");
							this.mail.send(message);
						}
						return null;
					});
				}
			}
			posts.get();
		}
		return System.nanoTime() - started;
	}

	/**
	 * {@code total} POSTs to the receiver from a plain JDK {@link HttpClient},
	 * {@code concurrency} at a time: the time they take.
	 */
	private static long bareLoop(LoopbackReceiver receiver, int total, int concurrency) {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		AtomicInteger left = new AtomicInteger(total);
		byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
		long started = System.nanoTime();
		try (ExecutorService loops = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < concurrency; i++) {
				loops.submit(() -> {
					while (left.getAndDecrement() > 0) {
						HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.url("/bare")))
							.header("content-type", "application/cloudevents+json")
							.header("webhook-id", UUID.randomUUID().toString())
							.POST(HttpRequest.BodyPublishers.ofByteArray(body))
							.build();
						HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
						if (response.statusCode() != 204) {
							throw new IllegalStateException("The receiver answered " + response.statusCode());
						}
					}
					return null;
				});
			}
		}
		return System.nanoTime() - started;
	}

	/** A body about as long as an endorsement's CloudEvent. */
	private static final String BODY = "{\"specversion\":\"1.0\",\"type\":\"org.groundgame.endorsement.EndorsementGranted.v1\","
			+ "\"source\":\"/groundgame/endorsement-service\",\"id\":\"" + UUID.randomUUID()
			+ "\",\"data\":{\"text\":\"" + "x".repeat(600) + "\"}}";

	/** Each channel's counter, once the service has registered it. */
	private final Map<Way, Counter> counters = new EnumMap<>(Way.class);

	private Map<Way, Long> delivered() {
		Map<Way, Long> counts = new EnumMap<>(Way.class);
		for (Way way : Way.values()) {
			Counter counter = this.counters.computeIfAbsent(way,
					(channel) -> this.meters.find("groundgame.notification.deliveries")
						.tag("channel", channel.name().toLowerCase(Locale.ROOT))
						.tag("outcome", "delivered")
						.counter());
			counts.put(way, (counter != null) ? (long) counter.count() : 0L);
		}
		return counts;
	}

	private long failed() {
		return this.meters.find("groundgame.notification.deliveries")
			.tag("outcome", "failed")
			.counters()
			.stream()
			.mapToLong((counter) -> (long) counter.count())
			.sum();
	}

	private String report(String load, int perEndpoint, List<Long> bare, List<Long> toLast, Map<Way, List<Long>> each,
			List<Double> bareRates, List<Double> platformRates) {
		var out = new java.io.ByteArrayOutputStream();
		PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
		print.println("Ground Game fan-out benchmark (notification-service)");
		print.printf("  machine    %d cores, %s %s, Java %s; load average %s when the run began%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
				System.getProperty("os.version"), System.getProperty("java.version"), load);
		print.printf("  service    the whole notification-service in this JVM, its Kafka broker and MongoDB-wire store"
				+ " in-process, GreenMail SMTP, one JDK HttpServer on 127.0.0.1 as every chapter's webhook%n");
		print.printf(
				"  settings   %d chapters; webhook concurrency %d (%d connections per endpoint), e-mail %d;"
						+ " %d rounds after %d warm-up rounds%n",
				CHAPTERS, this.properties.webhookConcurrency(), WEBHOOK_CONNECTIONS_PER_ROUTE,
				this.properties.emailConcurrency(), ROUNDS, WARMUP);
		print.println();
		print.printf("fan-out: one EndorsementGranted to %d chapters x (inbox, e-mail, webhook) = %d deliveries%n",
				CHAPTERS, 3 * CHAPTERS);
		print.printf("%-44s %8s %9s %9s %9s%n", "(ms, from the event's publication)", "count", "p50", "p99", "max");
		row(print, "bare channels (%d POSTs at %d, %d SMTP at %d)".formatted(CHAPTERS, perEndpoint, CHAPTERS,
				this.properties.emailConcurrency()), bare);
		row(print, "platform: to the last of the round", toLast);
		List<Long> all = new ArrayList<>();
		for (Way way : Way.values()) {
			all.addAll(each.get(way));
			row(print, "platform: each delivery, " + way.name().toLowerCase(Locale.ROOT), each.get(way));
		}
		row(print, "platform: each delivery, all", all);
		print.println();
		print.printf("throughput: %d endorsements at once to %d webhook-only chapters (%d webhooks), %d batches"
				+ " after one warm-up%n", EVENTS, CHAPTERS, EVENTS * CHAPTERS, BATCHES);
		print.printf("%-44s %9s %9s %9s%n", "(webhook deliveries per second)", "median", "min", "max");
		rate(print, "bare HttpClient loop (%d at once)".formatted(perEndpoint), bareRates);
		rate(print, "platform (event -> webhook recorded)", platformRates);
		print.printf("%-44s %8.0f%%%n", "platform / bare", 100 * median(platformRates) / median(bareRates));
		return out.toString(StandardCharsets.UTF_8);
	}

	private static void row(PrintStream print, String label, List<Long> nanos) {
		long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
		print.printf("%-44s %8d %9.1f %9.1f %9.1f%n", label, sorted.length, millis(percentile(sorted, 50)),
				millis(percentile(sorted, 99)), millis(sorted[sorted.length - 1]));
	}

	private static void rate(PrintStream print, String label, List<Double> rates) {
		print.printf("%-44s %9.0f %9.0f %9.0f%n", label, median(rates),
				rates.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
				rates.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
	}

	/** Nearest rank. */
	private static long percentile(long[] sorted, double percent) {
		int rank = (int) Math.ceil(percent / 100 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	private static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return (sorted.length % 2 == 1) ? sorted[sorted.length / 2]
				: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
	}

	private static double millis(long nanos) {
		return nanos / 1e6;
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private static String loadAverage() {
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		return (load >= 0) ? String.format(Locale.ROOT, "%.2f", load) : "unknown";
	}

	/**
	 * Every chapter's webhook endpoint: answers {@code 204} to anything, counting what it
	 * received, with as little work of its own as possible.
	 */
	static final class LoopbackReceiver implements AutoCloseable {

		private final HttpServer server;

		private final AtomicLong received = new AtomicLong();

		LoopbackReceiver() {
			this.server = LoopbackServer.start(this::handle, 1024);
		}

		private void handle(HttpExchange exchange) throws IOException {
			try (InputStream in = exchange.getRequestBody()) {
				in.transferTo(java.io.OutputStream.nullOutputStream());
			}
			this.received.incrementAndGet();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		}

		String url(String path) {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
		}

		long received() {
			return this.received.get();
		}

		@Override
		public void close() {
			this.server.stop(0);
		}

	}

}
