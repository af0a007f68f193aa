package org.groundgame.gateway.routing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.groundgame.gateway.GatewayClient;
import org.groundgame.gateway.StubService;
import org.groundgame.gateway.TestBackends;
import org.groundgame.test.InfrastructureTestConfiguration;
import org.groundgame.test.security.TestIssuerConfiguration;
import org.groundgame.test.security.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service given several addresses is balanced over those of its instances that are
 * healthy (Spring Cloud LoadBalancer, health checks of their readiness every second, as
 * {@code application.yml} sets them). The instances are real HTTP servers on 127.0.0.1,
 * stopped and started again on the same port as a killed and restarted process would be.
 * Each service here has a pair of its own, for one concern:
 * <ul>
 * <li>endorsement-service: spread, readiness, an instance that dies under load and comes
 * back;
 * <li>volunteer-service: one instance answers and nothing listens at the other's address,
 * and its health checks are off here ({@code path.volunteer-service} empty), so that the
 * dead instance stays on the list and every request meets it in turn: what the gateway
 * does before a health check has noticed;
 * <li>campaign-training-service: the second instance drops the connections of one path,
 * while its readiness says it is fine;
 * <li>notification-service: the event stream and the OpenAPI document, balanced too;
 * <li>identity-service: both instances stopped.
 * </ul>
 * The web module keeps one address, which is proxied to as before.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.cloud.loadbalancer.health-check.path.volunteer-service=")
@Import(LoadBalancingTests.TwoInstancesEach.class)
class LoadBalancingTests {

	/** The health checks' interval, {@code application.yml}'s. */
	private static final Duration INTERVAL = Duration.ofSeconds(1);

	private static final String READINESS = "/actuator/health/readiness";

	private static final Instances endorsement = new Instances("endorsement-service");

	private static final StubService volunteer = StubService.start("volunteer-service-1");

	/** Where the second volunteer-service instance was: nothing listens there. */
	private static final int deadVolunteerPort = freePort();

	private static final Instances campaignTraining = new Instances("campaign-training-service");

	private static final Instances notification = new Instances("notification-service");

	private static final Instances identity = new Instances("identity-service");

	private final GatewayClient gateway;

	private final LoadBalancerClient loadBalancer;

	private final CircuitBreakerRegistry circuitBreakers;

	private final String token = TestTokens.staff();

	@Autowired
	LoadBalancingTests(@LocalServerPort int port, LoadBalancerClient loadBalancer,
			CircuitBreakerRegistry circuitBreakers) {
		this.gateway = new GatewayClient(port);
		this.loadBalancer = loadBalancer;
		this.circuitBreakers = circuitBreakers;
	}

	@BeforeEach
	void bothEndorsementAndNotificationInstancesServing() {
		endorsement.startStopped();
		endorsement.reset();
		notification.reset();
		await().atMost(INTERVAL.multipliedBy(5))
			.until(() -> choices("endorsement-service", 4).size() == 2
					&& choices("notification-service", 4).size() == 2);
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	@AfterEach
	void forgetRequests() {
		volunteer.reset();
		campaignTraining.reset();
	}

	@Test
	void requestsAreSpreadOverBothInstancesInTurn() throws Exception {
		for (int i = 0; i < 20; i++) {
			assertThat(get("/api/races").statusCode()).isEqualTo(200);
		}

		// In turn (round robin); a round of health checks may list them the other way
		// round, hence not exactly ten each.
		assertThat(endorsement.requestsTo(1, "/api/races")).isBetween(8, 12);
		assertThat(endorsement.requestsTo(2, "/api/races")).isBetween(8, 12);
		assertThat(endorsement.requestsTo(1, "/api/races") + endorsement.requestsTo(2, "/api/races")).isEqualTo(20);
	}

	@Test
	void anInstanceThatIsNotReadyGetsNoRequestsWithinTheHealthCheckIntervalAndGetsThemAgainWhenReady()
			throws Exception {
		endorsement.instance(2)
			.on(READINESS, StubService.Answer.of(503, "application/json", "{\"status\":\"OUT_OF_SERVICE\"}", Map.of()));

		await().atMost(INTERVAL.multipliedBy(3)).untilAsserted(() -> {
			endorsement.forgetRequests();
			for (int i = 0; i < 6; i++) {
				assertThat(get("/api/races").statusCode()).isEqualTo(200);
			}
			assertThat(endorsement.requestsTo(2, "/api/races")).isZero();
		});

		endorsement.instance(2).reset();
		await().atMost(INTERVAL.multipliedBy(3)).untilAsserted(() -> {
			assertThat(get("/api/races").statusCode()).isEqualTo(200);
			assertThat(endorsement.requestsTo(2, "/api/races")).isPositive();
		});
	}

	@Test
	void anInstanceWhoseReadinessProbeHangsIsLeftOutWhileTheOtherServicesAreStillChecked() throws Exception {
		CountDownLatch released = new CountDownLatch(1);
		endorsement.instance(2).on(READINESS, (exchange) -> {
			released.await(30, TimeUnit.SECONDS);
			StubService.Answer.of(200, "application/json", "{\"status\":\"UP\"}", Map.of()).answer(exchange);
		});
		notification.instance(2)
			.on(READINESS, StubService.Answer.of(503, "application/json", "{\"status\":\"DOWN\"}", Map.of()));
		try {
			await().atMost(INTERVAL.multipliedBy(4))
				.until(() -> choices("endorsement-service", 4).equals(Set.of(endorsement.port(1)))
						&& choices("notification-service", 4).equals(Set.of(notification.port(1))));

			endorsement.forgetRequests();
			for (int i = 0; i < 6; i++) {
				assertThat(get("/api/races").statusCode()).isEqualTo(200);
			}
			assertThat(endorsement.requestsTo(2, "/api/races")).isZero();
		}
		finally {
			released.countDown();
		}
	}

	/**
	 * A probe that times out on a busy machine proves nothing: with every instance's
	 * probe hanging, none passed its check, and the requests still go to each in turn, as
	 * with a single address, rather than all being refused.
	 */
	@Test
	void whenNoInstancePassesItsHealthCheckTheRequestsStillGoToEachInTurn() throws Exception {
		CountDownLatch released = new CountDownLatch(1);
		for (int n = 1; n <= 2; n++) {
			endorsement.instance(n).on(READINESS, (exchange) -> {
				released.await(30, TimeUnit.SECONDS);
				StubService.Answer.of(200, "application/json", "{\"status\":\"UP\"}", Map.of()).answer(exchange);
			});
		}
		try {
			await().atMost(INTERVAL.multipliedBy(4)).until(() -> choices("endorsement-service", 4).isEmpty());

			endorsement.forgetRequests();
			for (int i = 0; i < 6; i++) {
				assertThat(get("/api/races").statusCode()).isEqualTo(200);
			}
			assertThat(endorsement.requestsTo(1, "/api/races")).isEqualTo(3);
			assertThat(endorsement.requestsTo(2, "/api/races")).isEqualTo(3);
			assertThat(this.circuitBreakers.circuitBreaker("endorsement-service").getMetrics().getNumberOfFailedCalls())
				.isZero();
		}
		finally {
			released.countDown();
		}
	}

	@Test
	void anInstanceKilledUnderConcurrentLoadCostsNoGetItsAnswerAndARestartedOneGetsRequestsAgain() throws Exception {
		ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
		AtomicBoolean stop = new AtomicBoolean();
		CountDownLatch warmedUp = new CountDownLatch(100);
		List<Future<?>> callers = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
			for (int i = 0; i < 8; i++) {
				callers.add(threads.submit(() -> {
					while (!stop.get()) {
						try {
							statuses.add(get("/api/races").statusCode());
						}
						catch (Exception ex) {
							failures.add(ex);
						}
						warmedUp.countDown();
					}
				}));
			}
			warmedUp.await();
			assertThat(endorsement.requestsTo(2, "/api/races")).isPositive();

			endorsement.kill(2);
			// Within about an interval, the health checks leave it out.
			await().atMost(INTERVAL.multipliedBy(3))
				.until(() -> choices("endorsement-service", 6).equals(Set.of(endorsement.port(1))));
			int servedWhileDown = statuses.size();

			endorsement.start(2);
			await().atMost(INTERVAL.multipliedBy(3))
				.until(() -> endorsement.requestsTo(2, "/api/races") > 0 && statuses.size() > servedWhileDown);
			stop.set(true);
			for (Future<?> caller : callers) {
				caller.get();
			}
		}

		assertThat(failures).isEmpty();
		assertThat(statuses).hasSizeGreaterThan(100).containsOnly(200);
	}

	@Test
	void aRequestThatGotNoConnectionGoesToTheOtherInstanceWhateverItsMethod() throws Exception {
		// Both are on the list (no health checks for this service here), in turn.
		assertThat(choices("volunteer-service", 4)).containsExactlyInAnyOrder(volunteer.port(), deadVolunteerPort);

		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			statuses.add(this.gateway.send("POST", "/api/volunteers", "{\"n\":" + i + "}", this.token).statusCode());
			statuses.add(get("/api/volunteers/v-" + i).statusCode());
		}

		assertThat(statuses).containsOnly(200);
		// Every POST reached the live instance once, body and all.
		assertThat(volunteer.receivedRequests()).filteredOn((request) -> request.method().equals("POST"))
			.extracting(StubService.RecordedRequest::body)
			.containsExactly(IntStream.range(0, 6).mapToObj((i) -> "{\"n\":" + i + "}").toArray(String[]::new));
		assertThat(volunteer.receivedRequests()).filteredOn((request) -> request.method().equals("GET")).hasSize(6);
	}

	@Test
	void concurrentRequestsThatMeetADeadInstanceAreAllServedByTheOther() throws Exception {
		List<Future<Integer>> answers = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
			for (int i = 0; i < 80; i++) {
				String method = (i % 2 == 0) ? "GET" : "POST";
				String body = method.equals("POST") ? "{\"n\":" + i + "}" : null;
				answers.add(threads
					.submit(() -> this.gateway.send(method, "/api/volunteers", body, this.token).statusCode()));
			}
			for (Future<Integer> answer : answers) {
				assertThat(answer.get()).isEqualTo(200);
			}
		}

		assertThat(volunteer.receivedRequests()).hasSize(80);
		assertThat(this.circuitBreakers.circuitBreaker("volunteer-service").getMetrics().getNumberOfFailedCalls())
			.isZero();
	}

	@Test
	void aGetWhoseConnectionClosesBeforeAnAnswerGoesToTheOtherInstanceButAPostIsNotSentTwice() throws Exception {
		campaignTraining.instance(2).on("/api/training/cohorts", (exchange) -> {
			// The request is read, then the connection closes without an answer.
		});

		for (int i = 0; i < 4; i++) {
			HttpResponse<String> answer = get("/api/training/cohorts");

			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.headers().firstValue("X-Served-By")).hasValue("campaign-training-service-1");
		}
		// At least one of them went to the second instance first, and was sent there
		// twice
		// (the HTTP client's own retry on a new connection) before going elsewhere.
		assertThat(campaignTraining.requestsTo(2, "/api/training/cohorts")).isPositive().isEven();

		campaignTraining.forgetRequests();
		List<HttpResponse<String>> posts = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			posts.add(this.gateway.send("POST", "/api/training/cohorts", "{\"n\":" + i + "}", this.token));
		}

		List<String> sentToSecond = campaignTraining.bodiesTo(2, "/api/training/cohorts");
		List<String> sentToFirst = campaignTraining.bodiesTo(1, "/api/training/cohorts");
		assertThat(sentToSecond).isNotEmpty().doesNotHaveDuplicates().doesNotContainAnyElementsOf(sentToFirst);
		assertThat(sentToFirst.size() + sentToSecond.size()).isEqualTo(4);
		for (int i = 0; i < 4; i++) {
			String body = "{\"n\":" + i + "}";
			HttpResponse<String> answer = posts.get(i);
			if (sentToSecond.contains(body)) {
				assertThat(answer.statusCode()).isEqualTo(503);
				assertThat(GatewayClient.json(answer)).containsEntry("service", "campaign-training-service");
			}
			else {
				assertThat(answer.statusCode()).isEqualTo(200);
			}
		}
	}

	@Test
	void theEventStreamAndTheApiDocumentAreBalancedToo() throws Exception {
		for (int n = 1; n <= 2; n++) {
			notification.instance(n).on("/api/notifications/stream", (exchange) -> {
				exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
				exchange.sendResponseHeaders(200, 0);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write("id: e-1\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
				}
			});
		}

		// One after the other: the service's routes share its load balancer, and so its
		// turns.
		List<String> streamedBy = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> stream = this.gateway.send(this.gateway.request("/api/notifications/stream")
				.header("Authorization", "Bearer " + this.token)
				.header("Accept", "text/event-stream"));

			assertThat(stream.statusCode()).isEqualTo(200);
			assertThat(stream.body()).contains("id: e-1");
			streamedBy.add(stream.headers().firstValue("X-Served-By").orElseThrow());
		}
		for (int i = 0; i < 4; i++) {
			assertThat(this.gateway.get("/v3/api-docs/notification").statusCode()).isEqualTo(200);
		}

		assertThat(streamedBy).contains("notification-service-1", "notification-service-2");
		assertThat(notification.requestsTo(1, "/v3/api-docs")).isPositive();
		assertThat(notification.requestsTo(2, "/v3/api-docs")).isPositive();
	}

	@Test
	void withNoInstanceHealthyTheAnswerIsThe503ProblemUntilOneIsBack() throws Exception {
		assertThat(get("/api/clients").statusCode()).isEqualTo(200);

		identity.kill(1);
		identity.kill(2);
		// Before and after the health checks have noticed: a 503 problem, never a 500.
		HttpResponse<String> atOnce = get("/api/clients");
		await().atMost(INTERVAL.multipliedBy(3)).until(() -> choices("identity-service", 1).isEmpty());
		HttpResponse<String> noneHealthy = get("/api/clients");

		for (HttpResponse<String> answer : List.of(atOnce, noneHealthy)) {
			assertThat(answer.statusCode()).isEqualTo(503);
			assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(GatewayClient.json(answer)).containsEntry("type", "urn:groundgame:problem:service-unavailable")
				.containsEntry("service", "identity-service")
				.containsEntry("detail", "identity-service is unavailable; try again shortly");
		}

		identity.start(2);
		// Watched at the load balancer: every 503 counts against the service's circuit.
		await().atMost(INTERVAL.multipliedBy(3))
			.until(() -> choices("identity-service", 2).equals(Set.of(identity.port(2))));
		HttpResponse<String> back = get("/api/clients");
		assertThat(back.statusCode()).isEqualTo(200);
		assertThat(back.headers().firstValue("X-Served-By")).hasValue("identity-service-2");
	}

	@Test
	void aServiceWithOneAddressIsProxiedToItAsBefore() throws Exception {
		HttpResponse<String> answer = this.gateway.get("/");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("X-Served-By")).hasValue("web-service");
		assertThat(TestBackends.web.receivedRequests()).extracting(StubService.RecordedRequest::path)
			.doesNotContain(READINESS);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.gateway.send("GET", path, null, this.token);
	}

	/** The ports of the instances the service's load balancer chooses, so many times. */
	private Set<Integer> choices(String service, int times) {
		return IntStream.range(0, times)
			.mapToObj((i) -> this.loadBalancer.choose(service))
			.filter((instance) -> instance != null)
			.map(ServiceInstance::getPort)
			.collect(Collectors.toSet());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Two instances of a service ({@code <service>-1} and {@code <service>-2} in
	 * {@code X-Served-By}), each stopped and started again on its own port.
	 */
	static final class Instances {

		private final String service;

		private final StubService[] instances = new StubService[2];

		private final int[] ports = new int[2];

		private final boolean[] running = { true, true };

		Instances(String service) {
			this.service = service;
			for (int i = 0; i < 2; i++) {
				this.instances[i] = StubService.start(service + "-" + (i + 1));
				this.ports[i] = this.instances[i].port();
			}
		}

		String uris() {
			return this.instances[0].uri() + "," + this.instances[1].uri();
		}

		StubService instance(int number) {
			return this.instances[number - 1];
		}

		int port(int number) {
			return this.ports[number - 1];
		}

		synchronized void kill(int number) {
			instance(number).stopBetweenAnswers();
			this.running[number - 1] = false;
		}

		synchronized void start(int number) {
			if (!this.running[number - 1]) {
				this.instances[number - 1] = StubService.startOn(this.service + "-" + number, port(number));
				this.running[number - 1] = true;
			}
		}

		void startStopped() {
			start(1);
			start(2);
		}

		/** Forgets the requests received and the answers given. */
		void reset() {
			instance(1).reset();
			instance(2).reset();
		}

		void forgetRequests() {
			instance(1).forgetRequests();
			instance(2).forgetRequests();
		}

		int requestsTo(int number, String path) {
			return (int) instance(number).receivedRequests()
				.stream()
				.filter((request) -> request.path().equals(path))
				.count();
		}

		List<String> bodiesTo(int number, String path) {
			return instance(number).receivedRequests()
				.stream()
				.filter((request) -> request.path().equals(path))
				.map(StubService.RecordedRequest::body)
				.toList();
		}

	}

	/**
	 * The gateway of these tests: two addresses for each service but the web module's,
	 * trusting {@code TestTokens}.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@Import({ InfrastructureTestConfiguration.class, TestIssuerConfiguration.class })
	static class TwoInstancesEach {

		@Bean
		static DynamicPropertyRegistrar twoInstancesEach() {
			return (registry) -> {
				registry.add("groundgame.gateway.services.endorsement", endorsement::uris);
				registry.add("groundgame.gateway.services.volunteer",
						() -> volunteer.uri() + ",http://127.0.0.1:" + deadVolunteerPort);
				registry.add("groundgame.gateway.services.campaign-training", campaignTraining::uris);
				registry.add("groundgame.gateway.services.notification", notification::uris);
				registry.add("groundgame.gateway.services.identity", identity::uris);
				registry.add("groundgame.gateway.services.web", TestBackends.web::uri);
			};
		}

	}

}
