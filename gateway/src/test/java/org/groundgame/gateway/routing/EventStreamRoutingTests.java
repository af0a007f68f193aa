package org.groundgame.gateway.routing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.groundgame.gateway.GatewayClient;
import org.groundgame.gateway.GatewayTestConfiguration;
import org.groundgame.gateway.StubService;
import org.groundgame.gateway.TestBackends;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * notification-service's event stream through the gateway: its own route, without the
 * time limit of the service's other answers ({@link GatewayTestConfiguration} cuts it to
 * {@value #LIMIT_SECONDS} s here), still behind the token check and the service's circuit
 * breaker. The service is a real HTTP server on 127.0.0.1 writing Server-Sent Events.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(GatewayTestConfiguration.class)
class EventStreamRoutingTests {

	private static final long LIMIT_SECONDS = 1;

	private static final Duration TIME_LIMIT = GatewayTestConfiguration.NOTIFICATION_TIME_LIMIT;

	/** How long a stub stream goes on at most, should a test not release it. */
	private static final Duration STUB_PATIENCE = Duration.ofSeconds(30);

	private static final StubService notification = TestBackends.notification;

	private static final StubService web = TestBackends.web;

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final URI gateway;

	private final CircuitBreakerRegistry circuitBreakers;

	@Autowired
	EventStreamRoutingTests(@LocalServerPort int port, CircuitBreakerRegistry circuitBreakers) {
		this.gateway = URI.create("http://127.0.0.1:" + port);
		this.circuitBreakers = circuitBreakers;
	}

	@BeforeEach
	void forgetEarlierRequests() {
		TestBackends.reset(this.circuitBreakers);
	}

	@Test
	void testsCutTheServicesTimeLimitToWhatTheseTestsOutlive() {
		assertThat(TIME_LIMIT).isEqualTo(Duration.ofSeconds(LIMIT_SECONDS));
	}

	@Test
	void streamOutlivesTheRouteTimeLimitAndEachEventArrivesAsItIsSent() throws Exception {
		CountDownLatch secondEventAllowed = new CountDownLatch(1);
		notification.on("/api/notifications/stream", (exchange) -> {
			OutputStream out = startStream(exchange);
			send(out, "id: e-1\nevent: notification\ndata: {\"title\":\"first\"}\n\n");
			// Comments until the client asks for more, as the service's heartbeats.
			long giveUp = System.nanoTime() + STUB_PATIENCE.toNanos();
			boolean allowed = false;
			while (!allowed && System.nanoTime() < giveUp) {
				allowed = secondEventAllowed.await(100, TimeUnit.MILLISECONDS);
				if (!allowed) {
					send(out, ": keep-alive\n\n");
				}
			}
			send(out,
					allowed ? "id: e-2\nevent: notification\ndata: {\"title\":\"second\"}\n\n" : "data: too late\n\n");
			out.close();
		});
		String token = TestTokens.staff();
		long started = System.nanoTime();

		HttpResponse<Stream<String>> response = this.client
			.send(HttpRequest.newBuilder(this.gateway.resolve("/api/notifications/stream?chapterId=c-1"))
				.header("Authorization", "Bearer " + token)
				.header("Accept", "text/event-stream")
				.header("Last-Event-ID", "e-0")
				.build(), BodyHandlers.ofLines());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
		try (Stream<String> lines = response.body()) {
			Iterator<String> stream = lines.iterator();
			// The first event, while the service still holds the stream open.
			assertThat(stream.next()).isEqualTo("id: e-1");
			assertThat(stream.next()).isEqualTo("event: notification");
			assertThat(stream.next()).isEqualTo("data: {\"title\":\"first\"}");
			assertThat(secondEventAllowed.getCount()).isOne();
			// Past twice the time limit, the stream is still there, comment by comment.
			while (Duration.ofNanos(System.nanoTime() - started).compareTo(TIME_LIMIT.multipliedBy(2)) < 0) {
				assertThat(stream.next()).isIn("", ": keep-alive");
			}
			secondEventAllowed.countDown();
			assertThat(linesUpTo(stream, "data: {\"title\":\"second\"}")).doesNotContain("data: too late");
		}
		StubService.RecordedRequest received = notification.takeRequest();
		assertThat(received.path()).isEqualTo("/api/notifications/stream");
		assertThat(received.query()).isEqualTo("chapterId=c-1");
		assertThat(received.header("Last-Event-ID")).isEqualTo("e-0");
		assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
		assertThat(this.circuitBreakers.circuitBreaker("notification-service").getMetrics().getNumberOfFailedCalls())
			.isZero();
	}

	@Test
	void theConsolesRelayOfTheInboxOutlivesTheWebModulesTimeLimit() throws Exception {
		web.on("/console/inbox/stream", (exchange) -> {
			OutputStream out = startStream(exchange);
			send(out, "id: e-1\nevent: notification\ndata: <li>first</li>\n\n");
			long until = System.nanoTime() + GatewayTestConfiguration.WEB_TIME_LIMIT.multipliedBy(2).toNanos();
			while (System.nanoTime() < until) {
				send(out, ":\n\n");
				web.awaitClosing(Duration.ofMillis(100));
			}
			send(out, "id: e-2\nevent: notification\ndata: <li>second</li>\n\n");
			out.close();
		});

		HttpResponse<Stream<String>> response = this.client
			.send(HttpRequest.newBuilder(this.gateway.resolve("/console/inbox/stream"))
				.header("Accept", "text/event-stream")
				.header("Cookie", "gg_console=a-session")
				.build(), BodyHandlers.ofLines());

		assertThat(response.statusCode()).isEqualTo(200);
		try (Stream<String> lines = response.body()) {
			Iterator<String> stream = lines.iterator();
			assertThat(stream.next()).isEqualTo("id: e-1");
			assertThat(linesUpTo(stream, "data: <li>second</li>")).contains("id: e-2");
		}
		assertThat(web.takeRequest().header("Cookie")).isEqualTo("gg_console=a-session");
	}

	@Test
	void streamMayStartLaterThanTheTimeLimitAllowsOtherAnswers() throws Exception {
		notification.on("/api/notifications/stream", (exchange) -> {
			// Nothing for twice the time limit, as a service slow to start the stream.
			boolean closing = notification.awaitClosing(TIME_LIMIT.multipliedBy(2));
			OutputStream out = startStream(exchange);
			send(out, closing ? "data: closing\n\n" : "data: late but there\n\n");
			out.close();
		});

		HttpResponse<String> response = this.client
			.send(HttpRequest.newBuilder(this.gateway.resolve("/api/notifications/stream"))
				.header("Authorization", "Bearer " + TestTokens.staff())
				.build(), BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("data: late but there\n\n");
	}

	@Test
	void streamWithoutAValidTokenIsRefusedAtTheDoor() throws Exception {
		HttpResponse<String> anonymous = this.client.send(
				HttpRequest.newBuilder(this.gateway.resolve("/api/notifications/stream?chapterId=c-1")).build(),
				BodyHandlers.ofString());
		HttpResponse<String> expired = this.client
			.send(HttpRequest.newBuilder(this.gateway.resolve("/api/notifications/stream?chapterId=c-1"))
				.header("Authorization", "Bearer " + TestTokens.token().roles("STAFF").expired().build())
				.build(), BodyHandlers.ofString());

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(expired.statusCode()).isEqualTo(401);
		assertThat(notification.receivedRequests()).isEmpty();
	}

	@Test
	void openCircuitRefusesTheStreamWithoutCallingTheService() throws Exception {
		CircuitBreaker circuit = this.circuitBreakers.circuitBreaker("notification-service");
		circuit.transitionToForcedOpenState();
		try {
			HttpResponse<String> response = this.client
				.send(HttpRequest.newBuilder(this.gateway.resolve("/api/notifications/stream"))
					.header("Authorization", "Bearer " + TestTokens.staff())
					.build(), BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(GatewayClient.json(response)).containsEntry("service", "notification-service")
				.containsEntry("detail", "notification-service is unavailable (failing recently); try again shortly");
			assertThat(notification.receivedRequests()).isEmpty();
		}
		finally {
			circuit.transitionToClosedState();
		}
	}

	@Test
	void serviceRefusingTheStreamIsAnsweredAsItSaid() throws Exception {
		notification.on("/api/notifications/stream", StubService.Answer.of(429, "application/problem+json",
				"{\"status\":429,\"title\":\"Too many requests\"}", Map.of("Retry-After", "30")));

		HttpResponse<String> response = this.client
			.send(HttpRequest.newBuilder(this.gateway.resolve("/api/notifications/stream"))
				.header("Authorization", "Bearer " + TestTokens.staff())
				.build(), BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(response.body()).isEqualTo("{\"status\":429,\"title\":\"Too many requests\"}");
	}

	private static OutputStream startStream(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		return exchange.getResponseBody();
	}

	private static void send(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static List<String> linesUpTo(Iterator<String> stream, String last) {
		List<String> lines = new ArrayList<>();
		while (stream.hasNext()) {
			String line = stream.next();
			lines.add(line);
			if (line.equals(last)) {
				return lines;
			}
		}
		throw new AssertionError("The stream ended before " + last + ": " + lines);
	}

}
