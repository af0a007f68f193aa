package org.groundgame.gateway.ratelimit;

import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.groundgame.gateway.GatewayClient;
import org.groundgame.gateway.GatewayTestConfiguration;
import org.groundgame.gateway.StubService;
import org.groundgame.gateway.TestBackends;
import org.groundgame.gateway.error.EdgeProblems;
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
 * The gateway with small rate limits. Each test calls from its own loopback address
 * ({@code 127.0.0.x}) or as its own client, so that its buckets are its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "groundgame.gateway.rate-limits.public.capacity=" + RateLimitTests.PUBLIC_BURST,
				"groundgame.gateway.rate-limits.public.refill-period=1m",
				"groundgame.gateway.rate-limits.client.capacity=" + RateLimitTests.CLIENT_BURST,
				"groundgame.gateway.rate-limits.client.refill-period=1m" })
@Import(GatewayTestConfiguration.class)
class RateLimitTests {

	private final CircuitBreakerRegistry circuitBreakers;

	static final int PUBLIC_BURST = 5;

	static final int CLIENT_BURST = 8;

	/** {@code known:secret}. */
	private static final String RIGHT_SECRET = "Basic a25vd246c2VjcmV0";

	private static final AtomicInteger nextAddress = new AtomicInteger(10);

	private final int port;

	@Autowired
	RateLimitTests(@LocalServerPort int port, CircuitBreakerRegistry circuitBreakers) {
		this.circuitBreakers = circuitBreakers;
		this.port = port;
	}

	@BeforeEach
	void forgetEarlierRequests() {
		TestBackends.reset(this.circuitBreakers);
	}

	@Test
	void publicRequestsBeyondTheBurstOfOneAddressAreA429ProblemWithRetryAfter() throws Exception {
		GatewayClient client = anotherAddress();
		for (int i = 0; i < PUBLIC_BURST; i++) {
			assertThat(client.get("/api/chapters").statusCode()).isEqualTo(200);
		}

		HttpResponse<String> refused = client.get("/api/chapters");

		assertTooManyRequests(refused, secondsPerToken(60, PUBLIC_BURST));
		assertThat(TestBackends.volunteer.receivedRequests()).hasSize(PUBLIC_BURST);
		// Another address has its own allowance.
		assertThat(anotherAddress().get("/api/chapters").statusCode()).isEqualTo(200);
	}

	@Test
	void clientsWithATokenAreCountedPerClientNotPerAddress() throws Exception {
		GatewayClient client = anotherAddress();
		String busy = TestTokens.token().subject("busy-client").roles("CHAPTER").chapterId("c-1").build();
		for (int i = 0; i < CLIENT_BURST; i++) {
			// More than the public allowance: a token's requests are not counted per
			// address.
			assertThat(client.send("GET", "/api/nominations", null, busy).statusCode()).isEqualTo(200);
		}

		HttpResponse<String> refused = client.send("GET", "/api/nominations", null, busy);

		assertTooManyRequests(refused, secondsPerToken(60, CLIENT_BURST));
		assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		// Another client from the same address still gets through.
		String other = TestTokens.token().subject("calm-client").roles("STAFF").build();
		assertThat(client.send("GET", "/api/nominations", null, other).statusCode()).isEqualTo(200);
	}

	@Test
	void aStreamOfWrongSecretsFromOneAddressNeverKeepsTheRightSecretOut() throws Exception {
		TestBackends.identity.on("/oauth2/token", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			boolean known = RIGHT_SECRET.equals(exchange.getRequestHeaders().getFirst("Authorization"));
			byte[] body = (known ? "{\"access_token\":\"t\"}" : "{\"error\":\"invalid_client\"}").getBytes();
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(known ? 200 : 401, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		// The guesser and the client share one address (a NAT, an office).
		GatewayClient address = anotherAddress();
		for (int round = 0; round < PUBLIC_BURST * 4; round++) {
			for (int guess = 0; guess < 3; guess++) {
				assertThat(tokenRequest(address, "Basic Z3Vlc3M6d3Jvbmc=").statusCode()).isEqualTo(401);
			}

			assertThat(tokenRequest(address, RIGHT_SECRET).statusCode()).isEqualTo(200);
		}
		// Every request reached the authorization server, which alone tells a right
		// secret from a wrong one, with the client's address to count guesses by.
		List<StubService.RecordedRequest> received = TestBackends.identity.receivedRequests();
		assertThat(received).hasSize(PUBLIC_BURST * 4 * 4);
		assertThat(received).allSatisfy((request) -> assertThat(request.header("X-Forwarded-For"))
			.isEqualTo(address.localAddress().getHostAddress()));
	}

	@Test
	void theAuthorizationServersOwn429PassesThrough() throws Exception {
		TestBackends.identity.on("/oauth2/token", StubService.Answer.of(429, "application/problem+json",
				"{\"status\":429,\"title\":\"Too Many Requests\"}", Map.of("Retry-After", "42")));
		GatewayClient client = anotherAddress();

		HttpResponse<String> refused = tokenRequest(client, "Basic Z3Vlc3M6d3Jvbmc=");

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("42");
		// A refusal that one request provoked says nothing about the service.
		assertThat(this.circuitBreakers.circuitBreaker("identity-service").getMetrics().getNumberOfFailedCalls())
			.isZero();
	}

	@Test
	void aForwardedForHeaderOfTheClientsOwnIsNotPassedOn() throws Exception {
		GatewayClient client = anotherAddress();

		client.send(client.request("/oauth2/token")
			.header("X-Forwarded-For", "198.51.100.1")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));

		assertThat(TestBackends.identity.takeRequest().header("X-Forwarded-For"))
			.isEqualTo(client.localAddress().getHostAddress());
	}

	private static HttpResponse<String> tokenRequest(GatewayClient client, String authorization) throws Exception {
		return client.send(client.request("/oauth2/token")
			.header("Authorization", authorization)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
	}

	@Test
	void forwardedForHeaderDoesNotMakeANewClient() throws Exception {
		GatewayClient client = anotherAddress();
		for (int i = 0; i < PUBLIC_BURST; i++) {
			client.send(client.request("/api/races").header("X-Forwarded-For", "203.0.113." + i));
		}

		HttpResponse<String> refused = client
			.send(client.request("/api/races").header("X-Forwarded-For", "198.51.100.1"));

		assertThat(refused.statusCode()).isEqualTo(429);
	}

	@Test
	void operationsEndpointsAreNotCounted() throws Exception {
		GatewayClient client = anotherAddress();
		for (int i = 0; i < PUBLIC_BURST * 2; i++) {
			assertThat(client.get("/actuator/health").statusCode()).isEqualTo(200);
		}

		assertThat(client.get("/api/chapters").statusCode()).isEqualTo(200);
	}

	@Test
	void theSitesStaticAssetsAreNotCountedButItsPagesAre() throws Exception {
		GatewayClient client = anotherAddress();
		for (int i = 0; i < PUBLIC_BURST * 2; i++) {
			assertThat(client.get("/css/site.css").statusCode()).isEqualTo(200);
			assertThat(client.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
			assertThat(client.get("/api/candidates/c-1/photo").statusCode()).isEqualTo(200);
		}
		for (int i = 0; i < PUBLIC_BURST; i++) {
			assertThat(client.get("/candidates").statusCode()).isEqualTo(200);
		}

		assertTooManyRequests(client.get("/candidates"), secondsPerToken(60, PUBLIC_BURST));
		// A path that only looks like an asset is counted as what it is.
		assertTooManyRequests(client.get("/css/../candidates"), secondsPerToken(60, PUBLIC_BURST));
	}

	private static void assertTooManyRequests(HttpResponse<String> response, long maxRetryAfter) {
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, maxRetryAfter));
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
		assertThat(GatewayClient.json(response)).containsEntry("type", EdgeProblems.TOO_MANY_REQUESTS.toString())
			.containsEntry("title", "Too Many Requests")
			.containsEntry("status", 429);
	}

	/** The longest a client waits for its next token, in whole seconds. */
	private static long secondsPerToken(long periodSeconds, long capacity) {
		return (periodSeconds + capacity - 1) / capacity;
	}

	private GatewayClient anotherAddress() throws Exception {
		return new GatewayClient(this.port, InetAddress.getByName("127.0.0." + nextAddress.getAndIncrement()));
	}

}
