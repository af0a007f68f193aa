package org.groundgame.gateway.routing;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.groundgame.gateway.ConnectionDropper;
import org.groundgame.gateway.GatewayClient;
import org.groundgame.gateway.GatewayTestConfiguration;
import org.groundgame.gateway.StubService;
import org.groundgame.gateway.TestBackends;
import org.groundgame.test.security.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of real HTTP servers standing in for the services
 * ({@link TestBackends}): endorsement-, volunteer-, notification- and identity-service
 * answer; campaign-training-service drops every connection.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(GatewayTestConfiguration.class)
class GatewayRoutingTests {

	private static final Duration NOTIFICATION_TIME_LIMIT = GatewayTestConfiguration.NOTIFICATION_TIME_LIMIT;

	private static final StubService endorsement = TestBackends.endorsement;

	private static final StubService volunteer = TestBackends.volunteer;

	private static final StubService notification = TestBackends.notification;

	private static final StubService identity = TestBackends.identity;

	private static final ConnectionDropper campaignTraining = TestBackends.campaignTraining;

	private static final CountDownLatch secondEventAllowed = new CountDownLatch(1);

	private static final String staff = TestTokens.staff();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final URI gateway;

	private final CircuitBreakerRegistry circuitBreakers;

	private final TimeLimiterRegistry timeLimiters;

	@Autowired
	GatewayRoutingTests(@LocalServerPort int port, CircuitBreakerRegistry circuitBreakers,
			TimeLimiterRegistry timeLimiters) {
		this.gateway = URI.create("http://127.0.0.1:" + port);
		this.circuitBreakers = circuitBreakers;
		this.timeLimiters = timeLimiters;
	}

	@BeforeEach
	void forgetEarlierRequests() {
		TestBackends.reset(this.circuitBreakers);
	}

	@Test
	void postReachesItsServiceAsSentAndItsAnswerComesBackUnchanged() throws Exception {
		String location = endorsement.uri() + "/api/nominations/n-1";
		String created = "{\"id\":\"n-1\",\"status\":\"SUBMITTED\"}";
		endorsement.on("/api/nominations", StubService.Answer.of(201, "application/json", created,
				Map.of("Location", location, "X-Nomination-Status", "SUBMITTED")));
		String nomination = "{\"candidate\":{\"name\":\"Ada Lovelace\"},\"statement\":\"Ready to serve\"}";
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

		HttpResponse<String> response = this.client.send(
				HttpRequest.newBuilder(this.gateway.resolve("/api/nominations?chapter=c-7&city=St%20Louis&tag=a&tag=b"))
					.header("Content-Type", "application/json")
					.header("X-Request-Id", "req-42")
					.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
					.POST(BodyPublishers.ofString(nomination))
					.build(),
				BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.headers().firstValue("Location")).hasValue(location);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValue("X-Nomination-Status")).hasValue("SUBMITTED");
		assertThat(response.body()).isEqualTo(created);
		StubService.RecordedRequest received = endorsement.takeRequest();
		assertThat(received.method()).isEqualTo("POST");
		assertThat(received.path()).isEqualTo("/api/nominations");
		// The gateway rebuilds the query from the parsed parameters: names may change
		// order,
		// the values of one name keep theirs.
		assertThat(parameters(received.query())).isEqualTo(parameters("chapter=c-7&city=St%20Louis&tag=a&tag=b"));
		assertThat(received.body()).isEqualTo(nomination);
		assertThat(received.header("Content-Type")).isEqualTo("application/json");
		assertThat(received.header("X-Request-Id")).isEqualTo("req-42");
		assertThat(received.header("traceparent")).startsWith("00-" + traceId + "-");
		assertThat(received.header("Host")).isEqualTo(this.gateway.getAuthority());
	}

	@Test
	void problemFromAServicePassesThroughAndDoesNotCountAgainstIt() throws Exception {
		String problem = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
				+ "\"detail\":\"Invalid chapter\",\"errors\":[{\"field\":\"state\",\"message\":\"must be a US state\"}]}";
		volunteer.on("/api/chapters", StubService.Answer.of(400, "application/problem+json", problem, Map.of()));
		long failuresBefore = failedCalls("volunteer-service");

		HttpResponse<String> response = send("POST", "/api/chapters", "{\"state\":\"XX\"}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).isEqualTo(problem);
		assertThat(failedCalls("volunteer-service")).isEqualTo(failuresBefore);
	}

	@Test
	void serverErrorFromAServicePassesThroughAndDoesNotCountAgainstIt() throws Exception {
		String problem = "{\"title\":\"Internal Server Error\",\"status\":500}";
		volunteer.on("/api/volunteers/v-1", StubService.Answer.of(500, "application/problem+json", problem, Map.of()));
		long failuresBefore = failedCalls("volunteer-service");

		HttpResponse<String> response = send("DELETE", "/api/volunteers/v-1", null);

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).isEqualTo(problem);
		// An answer proves the service is up (BackendFailuresTests).
		assertThat(failedCalls("volunteer-service")).isEqualTo(failuresBefore);
	}

	@ParameterizedTest
	@CsvSource({ "/api/nominations, endorsement-service", "/api/nominations/n-1/decision, endorsement-service",
			"/api/slates, endorsement-service", "/api/endorsements/e-1, endorsement-service",
			"/api/races, endorsement-service", "/api/races/r-1, endorsement-service",
			"/api/questionnaires/2026, endorsement-service", "/api/questionnaire, endorsement-service",
			"/api/questionnaire/profile, endorsement-service", "/api/candidates/c-1/photo, endorsement-service",
			"/api/chapters, volunteer-service", "/, web-service", "/candidates/e-1, web-service",
			"/training/enrollments/e-1, web-service", "/volunteers/confirm, web-service", "/console, web-service",
			"/console/nominations/n-1, web-service", "/api/chapters/c-1, volunteer-service",
			"/api/volunteers, volunteer-service", "/api/opportunities/o-1/calendar.ics, volunteer-service",
			"/api/shifts/s-1/signups, volunteer-service", "/api/leaderboards/chapters, volunteer-service",
			"/api/leaderboards/volunteers, volunteer-service", "/api/notifications, notification-service",
			"/api/notifications/subscriptions/c-1, notification-service" })
	void everyResourceIsRoutedToTheServiceThatOwnsIt(String path, String service) throws Exception {
		HttpResponse<String> response = send("GET", path, null);

		assertThat(response.headers().firstValue("X-Served-By")).hasValue(service);
	}

	@ParameterizedTest
	@CsvSource({ "/oauth2/token, identity-service", "/.well-known/openid-configuration, identity-service",
			"/login, identity-service", "/logout, identity-service", "/account/invitation, identity-service",
			"/api/people, identity-service", "/api/people/abc/role, identity-service", "/api/clients, identity-service",
			"/api/clients/c-1, identity-service", "/api/signing-keys/rotation, identity-service" })
	void identityEndpointsAreRoutedToIdentityServiceWithTheHostKept(String path, String service) throws Exception {
		HttpResponse<String> response = send("POST", path, "{}");

		assertThat(response.headers().firstValue("X-Served-By")).hasValue(service);
		// Its tokens name the gateway's address as their issuer.
		assertThat(identity.takeRequest().header("Host")).isEqualTo(this.gateway.getAuthority());
	}

	@ParameterizedTest
	@CsvSource({ "/api/training", "/api/training/cohorts/k-1/applications" })
	void trainingIsRoutedToCampaignTrainingService(String path) throws Exception {
		HttpResponse<String> response = send("GET", path, null);

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(problem(response)).containsEntry("service", "campaign-training-service");
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "HEAD" })
	void safeRequestToAServiceThatBreaksTheConnectionIsTriedTwice(String method) throws Exception {
		HttpResponse<String> response = send(method, "/api/training/cohorts", null);

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(campaignTraining.connections()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "POST", "PUT", "DELETE", "PATCH" })
	void unsafeRequestToAServiceThatBreaksTheConnectionIsSentOnce(String method) throws Exception {
		HttpResponse<String> response = send(method, "/api/training/cohorts/k-1", "{\"name\":\"Spring cohort\"}");

		assertThat(response.statusCode()).as(response.headers() + " " + response.body()).isEqualTo(503);
		assertThat(campaignTraining.connections()).isEqualTo(1);
	}

	@Test
	void serviceThatIsDownIsA503ProblemNamingItAtOnce() throws Exception {
		long started = System.nanoTime();

		HttpResponse<String> response = send("POST", "/api/training/cohorts", "{\"name\":\"Spring cohort\"}");

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(problem(response)).containsEntry("status", 503)
			.containsEntry("title", "Service Unavailable")
			.containsEntry("detail", "campaign-training-service is unavailable; try again shortly")
			.containsEntry("instance", "/api/training/cohorts")
			.containsEntry("type", BackendCircuitBreaker.SERVICE_UNAVAILABLE_TYPE.toString())
			.containsEntry("service", "campaign-training-service");
	}

	@Test
	void serviceThatHangsPastItsTimeLimitIsA503Problem() throws Exception {
		notification.on("/api/notifications/inbox", (exchange) -> notification.awaitClosing(Duration.ofSeconds(30)));
		long started = System.nanoTime();

		HttpResponse<String> response = send("GET", "/api/notifications/inbox?chapterId=c-1", null);

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(NOTIFICATION_TIME_LIMIT)
			.isLessThan(NOTIFICATION_TIME_LIMIT.multipliedBy(5));
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(problem(response)).containsEntry("status", 503)
			.containsEntry("detail", "notification-service did not answer in time; try again shortly");
	}

	@Test
	void openCircuitAnswersA503ProblemWithoutCallingTheService() throws Exception {
		CircuitBreaker circuit = this.circuitBreakers.circuitBreaker("volunteer-service");
		circuit.transitionToForcedOpenState();
		try {
			HttpResponse<String> response = send("GET", "/api/volunteers?chapterId=c-1", null);

			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(problem(response)).containsEntry("detail",
					"volunteer-service is unavailable (failing recently); try again shortly");
			assertThat(volunteer.receivedRequests()).isEmpty();
		}
		finally {
			circuit.transitionToClosedState();
		}
	}

	@Test
	void eachServiceRouteHasItsOwnCircuitBreakerAndTimeLimit() {
		assertThat(Stream.of(Backend.values()).map(Backend::serviceName)).allSatisfy((service) -> assertThat(
				this.circuitBreakers.circuitBreaker(service).getCircuitBreakerConfig().getSlidingWindowSize())
			.isEqualTo(20));
		assertThat(timeLimit("endorsement-service")).isEqualTo(Duration.ofSeconds(10));
		assertThat(timeLimit("volunteer-service")).isEqualTo(Duration.ofSeconds(10));
		assertThat(timeLimit("campaign-training-service")).isEqualTo(Duration.ofSeconds(10));
		assertThat(timeLimit("identity-service")).isEqualTo(Duration.ofSeconds(10));
		assertThat(timeLimit("notification-service")).isEqualTo(NOTIFICATION_TIME_LIMIT);
	}

	@Test
	void eventStreamReachesTheClientEventByEvent() throws Exception {
		notification.on("/api/notifications/stream", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
				out.flush();
				// Sent only once the client has seen the first event: a gateway that
				// buffered
				// would hold the first event back until this wait gave up.
				boolean allowed = secondEventAllowed.await(10, TimeUnit.SECONDS);
				out.write(((allowed ? "data: second" : "data: too late") + "\n\n").getBytes(StandardCharsets.UTF_8));
			}
		});

		HttpResponse<Stream<String>> response = this.client
			.send(HttpRequest.newBuilder(this.gateway.resolve("/api/notifications/stream?chapterId=c-1"))
				.header("Authorization", "Bearer " + staff)
				.build(), BodyHandlers.ofLines());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
		try (Stream<String> lines = response.body()) {
			Iterator<String> events = lines.filter((line) -> !line.isEmpty()).iterator();
			assertThat(events.next()).isEqualTo("data: first");
			secondEventAllowed.countDown();
			assertThat(events.next()).isEqualTo("data: second");
		}
	}

	@Test
	void unknownPathIsA404Problem() throws Exception {
		HttpResponse<String> response = send("GET", "/api/unheard-of", null);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(problem(response)).containsEntry("type", "about:blank")
			.containsEntry("status", 404)
			.containsEntry("title", "Not Found")
			.containsEntry("instance", "/api/unheard-of");
	}

	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.gateway.resolve(path))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		// Every resource is behind a token but a few; the security tests say which.
		request.header("Authorization", "Bearer " + staff);
		return this.client.send(request.build(), BodyHandlers.ofString());
	}

	private Duration timeLimit(String service) {
		return this.timeLimiters.timeLimiter(service).getTimeLimiterConfig().getTimeoutDuration();
	}

	private long failedCalls(String service) {
		return this.circuitBreakers.circuitBreaker(service).getMetrics().getNumberOfFailedCalls();
	}

	private static Map<String, Object> problem(HttpResponse<String> response) {
		return GatewayClient.json(response);
	}

	private static MultiValueMap<String, String> parameters(String query) {
		return UriComponentsBuilder.newInstance().query(query).build().getQueryParams();
	}

}
