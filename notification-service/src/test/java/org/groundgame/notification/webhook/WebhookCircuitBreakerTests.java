package org.groundgame.notification.webhook;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.groundgame.notification.webhook.WebhookResponse.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookCircuitBreakerTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));

	/** Opens after 3 attempts of which at least half failed; stays open a minute. */
	private final WebhookDeliveryProperties properties = new WebhookDeliveryProperties(Duration.ofSeconds(10),
			Duration.ofSeconds(2), new WebhookDeliveryProperties.Breaker(50f, 3, 3, Duration.ofSeconds(60), 1));

	private final AtomicInteger deadStatus = new AtomicInteger(500);

	private TestEndpoints endpoints;

	private WebhookClient client;

	@BeforeEach
	void startEndpoints() throws IOException {
		this.endpoints = new TestEndpoints();
		this.endpoints.handle("/dead", (exchange) -> {
			exchange.sendResponseHeaders(this.deadStatus.get(), -1);
			exchange.close();
		}).answer("/alive", 200);
		this.client = new WebhookClient(this.properties, true, this.clock);
	}

	@AfterEach
	void stopEndpoints() throws IOException {
		this.client.close();
		this.endpoints.close();
	}

	@Test
	void aFailingEndpointsBreakerOpensWhileAnotherEndpointStillDelivers() {
		for (int i = 0; i < 3; i++) {
			assertThat(post("/dead").outcome()).isEqualTo(Outcome.FAILED);
		}

		WebhookResponse notAttempted = post("/dead");

		assertThat(notAttempted.outcome()).isEqualTo(Outcome.CIRCUIT_OPEN);
		assertThat(notAttempted.statusCode()).isNull();
		assertThat(this.endpoints.received("/dead")).hasSize(3);
		assertThat(post("/alive").outcome()).isEqualTo(Outcome.DELIVERED);
		assertThat(this.client.breakerOf(this.endpoints.url("/alive")).getState())
			.isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void afterTheWaitATrialAttemptThatSucceedsClosesTheBreaker() {
		for (int i = 0; i < 3; i++) {
			post("/dead");
		}
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(post("/dead").outcome()).as("before the wait is over").isEqualTo(Outcome.CIRCUIT_OPEN);
		this.deadStatus.set(200);

		this.clock.advance(Duration.ofSeconds(2));
		WebhookResponse trial = post("/dead");

		assertThat(trial.outcome()).isEqualTo(Outcome.DELIVERED);
		assertThat(this.client.breakerOf(this.endpoints.url("/dead")).getState())
			.isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(post("/dead").outcome()).isEqualTo(Outcome.DELIVERED);
		assertThat(this.endpoints.received("/dead")).hasSize(5);
	}

	@Test
	void afterTheWaitATrialAttemptThatFailsOpensTheBreakerAgain() {
		for (int i = 0; i < 3; i++) {
			post("/dead");
		}
		this.clock.advance(Duration.ofSeconds(61));

		assertThat(post("/dead").outcome()).isEqualTo(Outcome.FAILED);
		assertThat(post("/dead").outcome()).isEqualTo(Outcome.CIRCUIT_OPEN);
		assertThat(this.endpoints.received("/dead")).hasSize(4);
	}

	@Test
	void aRefusedAddressDoesNotCountAgainstTheEndpoint() throws IOException {
		try (WebhookClient strict = new WebhookClient(this.properties, false, this.clock)) {
			String url = "http://localhost:" + this.endpoints.port() + "/dead";
			for (int i = 0; i < 5; i++) {
				assertThat(strict.post(request(url)).outcome()).isEqualTo(Outcome.REFUSED_ADDRESS);
			}
			assertThat(strict.breakerOf(url).getMetrics().getNumberOfBufferedCalls()).isZero();
		}
	}

	@Test
	void endpointsAreTheirSchemeHostPortAndPath() {
		assertThat(WebhookClient.breakerKey(URI.create("HTTPS://Hooks.Example.org/a?x=1")))
			.isEqualTo("https://hooks.example.org:443/a");
		assertThat(WebhookClient.breakerKey(URI.create("http://hooks.example.org:8080")))
			.isEqualTo("http://hooks.example.org:8080/");
	}

	private WebhookResponse post(String path) {
		return this.client.post(request(this.endpoints.url(path)));
	}

	private static WebhookRequest request(String url) {
		return new WebhookRequest("msg_1", Instant.now(), url, List.of(StandardWebhooksTests.NEW_SECRET),
				"{}".getBytes(StandardCharsets.UTF_8));
	}

}
