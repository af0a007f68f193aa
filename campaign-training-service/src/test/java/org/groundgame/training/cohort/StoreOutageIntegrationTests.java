package org.groundgame.training.cohort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.groundgame.test.proxy.FaultProxiedInfrastructure;
import org.groundgame.test.proxy.FaultProxy;
import org.groundgame.test.security.TestTokens;
import org.groundgame.training.TrainingServiceBehindFaultProxies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The line to MongoDB cut under the service: every request, reads and commands, many at
 * once, answers at once (within the driver's server selection timeout, two seconds here)
 * with a {@code 503} problem to retry rather than hanging or failing with an internal
 * error; once the line is back the service answers again, with nothing lost.
 */
@TrainingServiceBehindFaultProxies
class StoreOutageIntegrationTests {

	/** More requests at once than a platform thread pool would serve (Tomcat's 200). */
	private static final int CONCURRENT = 250;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final FaultProxy store = FaultProxiedInfrastructure.store();

	@Autowired
	private RestTestClient client;

	@LocalServerPort
	private int port;

	private TrainingApi api;

	@BeforeEach
	void setUp() {
		this.api = new TrainingApi(this.client);
	}

	@AfterEach
	void heal() {
		this.store.heal();
	}

	@Test
	void whileTheStoreIsCutEveryRequestAnswersA503ProblemAtOnceAndAfterwardsNothingIsLost() throws Exception {
		String before = this.api.openCohort(5).get("id").asString();

		this.store.cut();
		List<Answer> answers = requestsAtOnce(before);

		assertThat(answers).hasSize(CONCURRENT).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.body()).isEqualTo(503);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.retryAfter()).isEqualTo("5");
			assertThat(JSON.readTree(answer.body()).path("type").asString())
				.isEqualTo("urn:groundgame:problem:service-unavailable");
			// Not hanging: the driver's two seconds, and the machine's own delays.
			assertThat(answer.took()).isLessThan(Duration.ofSeconds(15));
		});

		this.store.restore();

		await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/training/cohorts/" + before).status() == 200);
		String after = this.api.openCohort(5).get("id").asString();
		JsonNode kept = JSON.readTree(get("/api/training/cohorts/" + before).body());
		assertThat(kept.path("capacity").asInt()).isEqualTo(5);
		assertThat(get("/api/training/cohorts/" + after).status()).isEqualTo(200);
		assertThat(this.store.connectionsAccepted()).isPositive();
	}

	/** Half reads, half commands, all released at the same moment. */
	private List<Answer> requestsAtOnce(String cohortId) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
				HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
			List<Future<Answer>> answers = new ArrayList<>();
			for (int i = 0; i < CONCURRENT; i++) {
				HttpRequest request = (i % 2 == 0) ? request("/api/training/cohorts/" + cohortId).GET().build()
						: request("/api/training/cohorts").header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(TrainingApi.cohort(3))))
							.build();
				answers.add(threads.submit(() -> {
					start.await();
					return send(http, request);
				}));
			}
			start.countDown();
			List<Answer> done = new ArrayList<>();
			for (Future<Answer> answer : answers) {
				done.add(answer.get());
			}
			return done;
		}
	}

	private Answer get(String path) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return send(http, request(path).GET().build());
		}
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + TestTokens.staff());
	}

	private static Answer send(HttpClient http, HttpRequest request) throws Exception {
		long started = System.nanoTime();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.headers().firstValue("Retry-After").orElse(null), response.body(),
				Duration.ofNanos(System.nanoTime() - started));
	}

	private record Answer(int status, String contentType, String retryAfter, String body, Duration took) {
	}

}
