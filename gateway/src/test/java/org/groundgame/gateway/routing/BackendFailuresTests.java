package org.groundgame.gateway.routing;

import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.groundgame.gateway.ConnectionDropper;
import org.groundgame.gateway.GatewayClient;
import org.groundgame.gateway.GatewayTestConfiguration;
import org.groundgame.gateway.StubService;
import org.groundgame.gateway.TestBackends;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The circuit breaker protects a service; it is not a weapon against it. An outsider who
 * finds an input that makes a service fail (as {@code ?office=a%00b} once did, before the
 * gateway and the services refused such input as a {@code 400}) must not be able to open
 * the circuit, and so take the service offline for everyone, by sending it again and
 * again; a service that is really unavailable still opens it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(GatewayTestConfiguration.class)
class BackendFailuresTests {

	private static final String ENDORSEMENT = "endorsement-service";

	/**
	 * The input that breaks the stand-in, as a NUL byte once broke the real store query.
	 * It is one the gateway passes on: the next fault of this kind will be one that no
	 * check foresaw.
	 */
	private static final String POISONED = "/api/endorsements?office=poison";

	private static final StubService endorsement = TestBackends.endorsement;

	private static final ConnectionDropper campaignTraining = TestBackends.campaignTraining;

	private final GatewayClient attacker;

	private final GatewayClient someoneElse;

	private final CircuitBreakerRegistry circuitBreakers;

	@Autowired
	BackendFailuresTests(@LocalServerPort int port, CircuitBreakerRegistry circuitBreakers) throws Exception {
		this.attacker = new GatewayClient(port, InetAddress.getByName("127.0.0.7"));
		this.someoneElse = new GatewayClient(port, InetAddress.getByName("127.0.0.8"));
		this.circuitBreakers = circuitBreakers;
	}

	@BeforeEach
	void forgetEarlierRequests() {
		TestBackends.reset(this.circuitBreakers);
		// The stand-in fails on one input only, and answers every other request.
		endorsement.on("/api/endorsements", (exchange) -> {
			String query = exchange.getRequestURI().getRawQuery();
			boolean poisoned = query != null && query.contains("office=poison");
			StubService.Answer.of(poisoned ? 500 : 200, poisoned ? "application/problem+json" : "application/json",
					poisoned ? "{\"title\":\"Internal Server Error\",\"status\":500}" : "{\"content\":[]}", Map.of())
				.answer(exchange);
		});
	}

	@Test
	void aStreamOfRequestsThatEachFailOnTheirOwnInputNeverOpensTheCircuitForOthers() throws Exception {
		for (int i = 0; i < 60; i++) {
			HttpResponse<String> answer = this.attacker.send("GET", POISONED, null, null);

			assertThat(answer.statusCode()).as("the service's own answer passes through").isEqualTo(500);
			assertThat(answer.body()).contains("Internal Server Error");
		}

		assertThat(circuit(ENDORSEMENT).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(circuit(ENDORSEMENT).getMetrics().getNumberOfFailedCalls()).isZero();
		HttpResponse<String> answer = this.someoneElse.send("GET", "/api/endorsements?state=MO", null, null);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("X-Served-By")).hasValue(ENDORSEMENT);
	}

	@Test
	void concurrentRequestsThatFailOnTheirOwnInputNeverOpenTheCircuitWhileOthersAreServed() throws Exception {
		List<Callable<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < 80; i++) {
			boolean poisoned = i % 4 != 0;
			GatewayClient caller = poisoned ? this.attacker : this.someoneElse;
			String path = poisoned ? POISONED : "/api/endorsements?state=MO";
			calls.add(() -> caller.send("GET", path, null, null).statusCode());
		}
		List<Integer> statuses = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
			for (Future<Integer> status : threads.invokeAll(calls)) {
				statuses.add(status.get());
			}
		}

		assertThat(statuses).filteredOn((status) -> status == 500).hasSize(60);
		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(20);
		assertThat(statuses).doesNotContain(503);
		assertThat(circuit(ENDORSEMENT).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@ParameterizedTest
	@ValueSource(ints = { 502, 503, 504 })
	void anAnswerThatTheServiceIsUnavailableCountsAgainstIt(int status) throws Exception {
		endorsement.on("/api/races", StubService.Answer.of(status, "application/problem+json",
				"{\"status\":" + status + ",\"detail\":\"store unreachable\"}", Map.of()));

		HttpResponse<String> answer = this.someoneElse.send("GET", "/api/races", null, null);

		assertThat(answer.statusCode()).isEqualTo(status);
		assertThat(answer.body()).contains("store unreachable");
		assertThat(circuit(ENDORSEMENT).getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
	}

	@Test
	void aServiceThatKeepsSayingItIsUnavailableOpensItsCircuit() throws Exception {
		endorsement.on("/api/races", StubService.Answer.of(503, "application/problem+json",
				"{\"status\":503,\"detail\":\"store unreachable\"}", Map.of()));

		for (int i = 0; i < 10; i++) {
			this.someoneElse.send("GET", "/api/races", null, null);
		}
		HttpResponse<String> answer = this.someoneElse.send("GET", "/api/races", null, null);

		assertThat(circuit(ENDORSEMENT).getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(answer.statusCode()).isEqualTo(503);
		assertThat(GatewayClient.json(answer)).containsEntry("detail",
				"endorsement-service is unavailable (failing recently); try again shortly");
	}

	@Test
	void aPostWhoseConnectionClosesBeforeAnyAnswerIsA503ButDoesNotCountAgainstTheService() throws Exception {
		for (int i = 0; i < 12; i++) {
			HttpResponse<String> answer = this.someoneElse.send("POST", "/api/training/cohorts/k-1/applications",
					"{\"name\":\"Sam\"}", null);

			assertThat(answer.statusCode()).isEqualTo(503);
			assertThat(GatewayClient.json(answer)).containsEntry("service", "campaign-training-service");
		}

		// Sent once each (it may have reached the service), and never counted: a pooled
		// connection the service had closed looks just like this.
		assertThat(campaignTraining.connections()).isEqualTo(12);
		assertThat(circuit("campaign-training-service").getMetrics().getNumberOfFailedCalls()).isZero();
		assertThat(circuit("campaign-training-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void aGetWhoseConnectionClosesEvenOnANewConnectionCountsAgainstTheService() throws Exception {
		HttpResponse<String> answer = this.someoneElse.send("GET", "/api/training/cohorts", null, null);

		assertThat(answer.statusCode()).isEqualTo(503);
		// Tried again on a new connection by the HTTP client, which closed too.
		assertThat(campaignTraining.connections()).isEqualTo(2);
		assertThat(circuit("campaign-training-service").getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
	}

	private CircuitBreaker circuit(String service) {
		return this.circuitBreakers.circuitBreaker(service);
	}

}
