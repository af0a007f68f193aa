package org.groundgame.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.groundgame.platform.Service;
import org.groundgame.platform.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A smoke test of a few seconds of the pages benchmark's harness, against a small HTTP
 * server on 127.0.0.1 standing in for the gateway (a page at {@code /} and
 * {@code /candidates}, a file at {@code /css/site.css}): starting the whole platform (six
 * service JVMs from their jars) takes minutes on a build machine, which is the real run's
 * job (see README.md). Also how the benchmark would start the platform.
 */
class PagesBenchmarkTests {

	private static final String PAGE = "<!DOCTYPE html><html lang=\"en\"><title>Ground Game</title><p>Hello</p></html>";

	private static final String STYLESHEET = "body { margin: 0 }";

	private final Map<String, Integer> statuses = new ConcurrentHashMap<>();

	private final Set<String> acceptHeaders = ConcurrentHashMap.newKeySet();

	private ExecutorService executor;

	/** Holds the answers to /candidates after the first until this many have come. */
	private volatile CountDownLatch held;

	private final AtomicInteger candidatesRequests = new AtomicInteger();

	private HttpServer site;

	@BeforeEach
	void startSite() throws IOException {
		this.site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.executor = Executors.newVirtualThreadPerTaskExecutor();
		this.site.setExecutor(this.executor);
		this.site.createContext("/", this::answer);
		this.site.start();
	}

	@AfterEach
	void stopSite() {
		this.site.stop(0);
		this.executor.shutdownNow();
	}

	@Test
	void everyPathIsAnsweredOnScheduleAndReportedWithOrderedPercentilesBesideTheStaticFile()
			throws InterruptedException {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

		PagesReport report = PagesBenchmark.run(options(), out);
		report.print(out);

		assertThat(report.results()).extracting((measured) -> measured.page().path())
			.containsExactly("/css/site.css", "/", "/candidates");
		assertThat(report.results()).allSatisfy((measured) -> {
			PathResult result = measured.result();
			assertThat(result.sent()).isEqualTo(20);
			assertThat(result.received()).isEqualTo(result.sent());
			assertThat(result.latencies().getTotalCount()).isEqualTo(result.received());
			// The first request (is the path answering?) and the 20 measured ones.
			assertThat(measured.answers().successful()).isEqualTo(21);
			assertThat(measured.answers().errors()).isZero();
			assertThat(result.millisAt(50)).isPositive()
				.isLessThanOrEqualTo(result.millisAt(90))
				.isLessThanOrEqualTo(result.millisAt(99))
				.isLessThanOrEqualTo(result.millisAt(99.9))
				.isLessThanOrEqualTo(result.maxMillis());
		});
		assertThat(report.staticFile().answers().meanBodyBytes()).isEqualTo(STYLESHEET.length());
		assertThat(report.pages()).allSatisfy((page) -> {
			assertThat(page.answers().meanBodyBytes()).isEqualTo(PAGE.length());
			assertThat(report.ratio(page, 50)).isPositive();
		});
		assertThat(report.passed()).isTrue();
		assertThat(this.acceptHeaders).containsExactly("text/html | en");
		assertThat(output.toString(StandardCharsets.UTF_8))
			.contains("p50", "p90", "p99", "p99.9", "errors", "home page / / static", "candidates / static",
					"Accept-Language: en", report.machine().describe())
			.doesNotContain("FAILED");
	}

	@Test
	void anAnswerThatIsNot2xxFailsTheRunAndIsCountedOnItsPath() throws InterruptedException {
		this.statuses.put("/candidates", 429);
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

		PagesReport report = PagesBenchmark.run(options(), out);
		report.print(out);

		assertThat(report.passed()).isFalse();
		PagesReport.Measured candidates = report.results().get(2);
		assertThat(candidates.answers().errors()).isEqualTo(21);
		assertThat(candidates.answers().successful()).isZero();
		assertThat(candidates.answers().describeErrors()).isEqualTo("429 x 21");
		assertThat(report.results().subList(0, 2)).allSatisfy((measured) -> assertThat(measured.passed()).isTrue());
		assertThat(output.toString(StandardCharsets.UTF_8))
			.contains("candidates: FAILED, 21 answers not 2xx or missing, warm-up included (429 x 21)");
	}

	@Test
	void requestsGoOutOnScheduleWhileEarlierAnswersAreHeldAndTheWaitCountsInTheirLatency() throws InterruptedException {
		// Every measured request for /candidates is held until the last of them has
		// arrived: with a sender that waited for answers, the first would never be
		// answered (503 after 5 s).
		this.held = new CountDownLatch(20);
		ByteArrayOutputStream output = new ByteArrayOutputStream();

		PagesReport report = PagesBenchmark.run(options(), new PrintStream(output, true, StandardCharsets.UTF_8));

		PagesReport.Measured candidates = report.results().get(2);
		assertThat(candidates.answers().errors()).isZero();
		assertThat(candidates.result().received()).isEqualTo(20);
		// The first measured request waited for the 19 sent after it, 50 ms apart.
		assertThat(candidates.result().maxMillis()).isGreaterThan(900);
		assertThat(report.passed()).isTrue();
	}

	@Test
	void optionsDefaultToFiftyRequestsASecondOnTheLocalPlatformAndTakeAGateway() {
		PagesOptions defaults = PagesOptions.parse();
		assertThat(defaults.schedule().rate()).isEqualTo(50);
		assertThat(defaults.schedule().duration()).isEqualTo(Duration.ofSeconds(30));
		assertThat(defaults.schedule().warmUp()).isEqualTo(Duration.ofSeconds(10));
		assertThat(defaults.gateway()).isNull();

		PagesOptions options = PagesOptions.parse("--rate", "5", "--seconds=2", "--warmup", "0", "--gateway",
				"http://localhost:8080/");
		assertThat(options.schedule().measuredEvents()).isEqualTo(10);
		assertThat(options.schedule().warmUpEvents()).isZero();
		assertThat(options.gateway()).isEqualTo(URI.create("http://localhost:8080"));
		assertThat(options.dataDirectory()).isNull();
		PagesOptions platform = PagesOptions.parse("--repository", "/tmp/checkout", "--data-dir=/tmp/pages");
		assertThat(platform.repository()).isEqualTo(Path.of("/tmp/checkout"));
		assertThat(platform.dataDirectory()).isEqualTo(Path.of("/tmp/pages"));
	}

	@Test
	void badOptionsAreRefusedNamingTheOption() {
		for (List<String> arguments : List.of(List.of("--rate", "0"), List.of("--gateway", "ftp://example.org"),
				List.of("--gateway", "not an address"), List.of("--seconds"), List.of("--sorted", "1"))) {
			String option = arguments.get(0);
			assertThatIllegalArgumentException().isThrownBy(() -> PagesOptions.parse(arguments.toArray(String[]::new)))
				.withMessageContaining(option);
		}
	}

	@Test
	void thePlatformStartsOnFreeLoopbackPortsInItsOwnFolderWithDemoDataAndTheGatewaysPublicLimitRaised() {
		Path data = Path.of("target/pages-data").toAbsolutePath();

		Settings settings = PagesBenchmark.platformSettings(Path.of(".."), data, (line) -> {
		});

		assertThat(settings.dataDirectory()).isEqualTo(data);
		assertThat(settings.seedDemoData()).isTrue();
		assertThat(settings.ports().values()).containsOnly(0);
		assertThat(settings.kafkaPort()).isZero();
		assertThat(settings.mongoPort()).isZero();
		assertThat(settings.smtpPort()).isZero();
		assertThat(settings.mailboxPort()).isZero();
		assertThat(settings.port(Service.GATEWAY)).isZero();
		assertThat(settings.serviceJvmOptions()).containsSequence(Settings.DEFAULT_SERVICE_JVM_OPTIONS)
			.contains("-Dgroundgame.gateway.rate-limits.public.capacity=1000000");
	}

	private static boolean awaitQuietly(CountDownLatch latch) {
		try {
			return latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private PagesOptions options() {
		return new PagesOptions(
				new BenchmarkOptions(20, Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(10), Map.of()),
				URI.create("http://127.0.0.1:" + this.site.getAddress().getPort()), Path.of(""), null);
	}

	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		CountDownLatch held = this.held;
		if (held != null && path.equals("/candidates") && this.candidatesRequests.incrementAndGet() > 1) {
			held.countDown();
			if (!awaitQuietly(held)) {
				this.statuses.put(path, 503);
			}
		}
		boolean file = path.equals("/css/site.css");
		boolean page = path.equals("/") || path.equals("/candidates");
		this.acceptHeaders.add(exchange.getRequestHeaders().getFirst("Accept") + " | "
				+ exchange.getRequestHeaders().getFirst("Accept-Language"));
		byte[] body = (file ? STYLESHEET : PAGE).getBytes(StandardCharsets.UTF_8);
		int status = this.statuses.getOrDefault(path, (file || page) ? 200 : 404);
		exchange.getResponseHeaders().set("Content-Type", file ? "text/css" : "text/html;charset=UTF-8");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream stream = exchange.getResponseBody()) {
			stream.write(body);
		}
	}

}
