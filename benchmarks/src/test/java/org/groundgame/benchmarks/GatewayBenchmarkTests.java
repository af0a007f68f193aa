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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.groundgame.platform.Service;
import org.groundgame.platform.Settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A smoke test of a few seconds of the gateway benchmark, against two small HTTP servers
 * on 127.0.0.1 standing in for the service and for the gateway (whose token endpoint
 * hands out a token): the real run starts the whole platform, which takes minutes (see
 * README.md).
 */
class GatewayBenchmarkTests {

	private static final String CHAPTERS = "[{\"id\":\"mo-stl\",\"state\":\"MO\"}]";

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	private final AtomicInteger tokensIssued = new AtomicInteger();

	private volatile int gatewayStatus = 200;

	private ExecutorService executor;

	private HttpServer service;

	private HttpServer gateway;

	@BeforeEach
	void startServers() throws IOException {
		this.executor = Executors.newVirtualThreadPerTaskExecutor();
		this.service = server((exchange) -> answer(exchange, "service", 200));
		this.gateway = server((exchange) -> {
			if (exchange.getRequestURI().getPath().equals("/oauth2/token")) {
				this.tokensIssued.incrementAndGet();
				this.seen.add("token request: " + exchange.getRequestHeaders().getFirst("Authorization"));
				byte[] body = "{\"access_token\":\"a.b.c\",\"token_type\":\"Bearer\"}".getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream stream = exchange.getResponseBody()) {
					stream.write(body);
				}
				return;
			}
			answer(exchange, "gateway", this.gatewayStatus);
		});
	}

	@AfterEach
	void stopServers() {
		this.service.stop(0);
		this.gateway.stop(0);
		this.executor.shutdownNow();
	}

	@Test
	void theSameRequestIsMeasuredDirectAndThroughTheGatewayAtAFixedRateAndAtSaturation() throws InterruptedException {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

		GatewayReport report = GatewayBenchmark.run(options(), out);
		report.print(out);

		assertThat(report.results()).extracting((measured) -> measured.target().name())
			.containsExactly(GatewayBenchmark.DIRECT, GatewayBenchmark.GATEWAY);
		assertThat(report.results()).allSatisfy((measured) -> {
			PathResult fixed = measured.fixedRate();
			assertThat(fixed.sent()).isEqualTo(20);
			assertThat(fixed.received()).isEqualTo(20);
			assertThat(fixed.latencies().getTotalCount()).isEqualTo(20);
			assertThat(fixed.millisAt(50)).isPositive()
				.isLessThanOrEqualTo(fixed.millisAt(99))
				.isLessThanOrEqualTo(fixed.maxMillis());
			assertThat(measured.saturation().successful()).isPositive();
			assertThat(measured.saturation().failed()).isZero();
			assertThat(measured.saturation().throughput()).isPositive();
			assertThat(measured.saturation().latencies().getTotalCount()).isEqualTo(measured.saturation().successful());
			assertThat(measured.answers().errors()).isZero();
			assertThat(measured.answers().meanBodyBytes()).isEqualTo(CHAPTERS.length());
		});
		assertThat(report.passed()).isTrue();
		// Both got the same request, with a token from the gateway's token endpoint.
		assertThat(this.seen).contains("service GET /api/chapters?state=MO application/json Bearer a.b.c",
				"gateway GET /api/chapters?state=MO application/json Bearer a.b.c",
				"token request: Basic Y2xpZW50OnNlY3JldA==");
		assertThat(this.tokensIssued).hasValue(4);
		// The CPU time of the processes on each path: here this JVM stands in for both.
		assertThat(report.results().get(1).saturation().cpu().processes()).containsOnlyKeys("gateway", "service");
		assertThat(output.toString(StandardCharsets.UTF_8))
			.contains("gateway - direct", "of direct", "100%", "CPU ms per request", "saturation",
					report.machine().describe())
			.doesNotContain("FAILED");
	}

	@Test
	void anAnswerThatIsNot2xxFailsTheRunAndIsCountedOnItsPath() throws InterruptedException {
		this.gatewayStatus = 503;
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

		GatewayReport report = GatewayBenchmark.run(options(), out);
		report.print(out);

		assertThat(report.passed()).isFalse();
		GatewayReport.Measured gateway = report.results().get(1);
		assertThat(gateway.answers().successful()).isZero();
		assertThat(gateway.saturation().successful()).isZero();
		assertThat(gateway.saturation().failed()).isPositive();
		assertThat(report.results().get(0).passed()).isTrue();
		assertThat(output.toString(StandardCharsets.UTF_8)).contains("gateway: FAILED");
	}

	@Test
	void optionsDefaultToAHundredRequestsASecondAndSixteenConnectionsOnTheLocalPlatform() {
		GatewayOptions defaults = GatewayOptions.parse();
		assertThat(defaults.schedule().rate()).isEqualTo(100);
		assertThat(defaults.connections()).isEqualTo(16);
		assertThat(defaults.path()).isEqualTo("/api/chapters?state=MO");
		assertThat(defaults.gateway()).isNull();
		assertThat(defaults.anonymous()).isFalse();

		GatewayOptions options = GatewayOptions.parse("--rate", "5", "--seconds=2", "--warmup", "0", "--gateway",
				"http://localhost:8080/", "--direct", "http://localhost:8082", "--compare", "http://localhost:9080",
				"--gateway-pid", "12", "--direct-pid=13", "--connections", "4", "--saturation", "3", "--anonymous",
				"--path", "/api/chapters");
		assertThat(options.schedule().measuredEvents()).isEqualTo(10);
		assertThat(options.gateway()).isEqualTo(URI.create("http://localhost:8080"));
		assertThat(options.compare()).isEqualTo(URI.create("http://localhost:9080"));
		assertThat(options.pids()).containsExactlyInAnyOrderEntriesOf(Map.of("gateway", 12L, "direct", 13L));
		assertThat(options.connections()).isEqualTo(4);
		assertThat(options.saturation()).isEqualTo(Duration.ofSeconds(3));
		assertThat(options.anonymous()).isTrue();
		assertThat(options.path()).isEqualTo("/api/chapters");
	}

	@Test
	void badOptionsAreRefusedNamingTheOption() {
		for (List<String> arguments : List.of(List.of("--rate", "0"), List.of("--gateway", "ftp://example.org"),
				List.of("--connections", "-1"), List.of("--path", "api/chapters"), List.of("--sorted", "1"))) {
			String option = arguments.get(0);
			assertThatIllegalArgumentException()
				.isThrownBy(() -> GatewayOptions.parse(arguments.toArray(String[]::new)))
				.withMessageContaining(option);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> GatewayOptions.parse("--gateway", "http://localhost"))
			.withMessageContaining("--direct");
	}

	@Test
	void thePlatformStartsWithBothRateLimitsRaised() {
		Settings settings = GatewayBenchmark.platformSettings(Path.of(".."), Path.of("target/gateway-data"), (line) -> {
		});

		assertThat(settings.seedDemoData()).isTrue();
		assertThat(settings.port(Service.GATEWAY)).isZero();
		assertThat(settings.serviceJvmOptions()).containsSequence(Settings.DEFAULT_SERVICE_JVM_OPTIONS)
			.contains("-Dgroundgame.gateway.rate-limits.public.capacity=1000000",
					"-Dgroundgame.gateway.rate-limits.client.capacity=1000000");
		Settings fullJit = GatewayBenchmark.platformSettings(Path.of(".."), Path.of("target/gateway-data"), true,
				(line) -> {
				});
		assertThat(fullJit.serviceJvmOptions()).contains("-XX:+UseSerialGC")
			.noneMatch((option) -> option.startsWith("-XX:TieredStopAtLevel"));
		assertThat(GatewayOptions.parse("--full-jit").fullJit()).isTrue();
	}

	private GatewayOptions options() {
		long pid = ProcessHandle.current().pid();
		return new GatewayOptions(
				new BenchmarkOptions(20, Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(10), Map.of()), 2,
				Duration.ofSeconds(1), GatewayOptions.DEFAULT_PATH, false,
				URI.create("http://127.0.0.1:" + this.gateway.getAddress().getPort()),
				URI.create("http://127.0.0.1:" + this.service.getAddress().getPort()), null, "client", "secret",
				Map.of("gateway", pid, "direct", pid), null, false, Path.of(""), null);
	}

	private HttpServer server(com.sun.net.httpserver.HttpHandler handler) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(this.executor);
		server.createContext("/", handler);
		server.start();
		return server;
	}

	private void answer(HttpExchange exchange, String who, int status) throws IOException {
		this.seen.add(who + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
				+ exchange.getRequestHeaders().getFirst("Accept") + " "
				+ exchange.getRequestHeaders().getFirst("Authorization"));
		byte[] body = CHAPTERS.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream stream = exchange.getResponseBody()) {
			stream.write(body);
		}
	}

}
