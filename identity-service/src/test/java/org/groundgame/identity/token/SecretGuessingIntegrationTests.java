package org.groundgame.identity.token;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.groundgame.identity.IdentityHttp;
import org.groundgame.identity.IdentityServiceIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token endpoint's guard against guessed secrets, tried as an outsider would: a
 * stream of wrong secrets, from the address a client shares, or for its id from many
 * addresses. Wrong secrets past the allowance (10 a minute per client id and per address)
 * are refused with {@code 429}; the right secret never is. Each test has its own client
 * and its own addresses ({@code X-Forwarded-For}, which the service believes from
 * loopback, as from the gateway).
 */
@IdentityServiceIntegrationTest
class SecretGuessingIntegrationTests {

	private static final int ALLOWED_FAILURES = 10;

	private static final AtomicInteger nextAddress = new AtomicInteger(1);

	private final IdentityHttp http;

	private String clientId;

	private String secret;

	@Autowired
	SecretGuessingIntegrationTests(@LocalServerPort int port) {
		this.http = new IdentityHttp(port);
	}

	@BeforeEach
	void registerAClient() {
		JsonNode created = IdentityHttp.json(this.http.post("/api/clients",
				"{\"name\":\"Chapter CRM\",\"role\":\"STAFF\"}", this.http.staffToken()));
		this.clientId = created.get("clientId").asString();
		this.secret = created.get("clientSecret").asString();
	}

	@Test
	void aStreamOfWrongSecretsFromOneAddressNeverKeepsTheRightSecretOut() {
		String sharedAddress = anotherAddress();
		List<Integer> wrong = new ArrayList<>();
		for (int round = 0; round < 15; round++) {
			for (int guess = 0; guess < 2; guess++) {
				wrong.add(token(this.clientId, "guess-" + round + "-" + guess, sharedAddress).statusCode());
			}

			HttpResponse<String> right = token(this.clientId, this.secret, sharedAddress);

			assertThat(right.statusCode()).as("round %d: %s", round, right.body()).isEqualTo(200);
			assertThat(IdentityHttp.json(right).get("access_token").asString()).isNotBlank();
		}
		assertThat(wrong.subList(0, ALLOWED_FAILURES)).containsOnly(401);
		assertThat(wrong.subList(ALLOWED_FAILURES, wrong.size())).containsOnly(429);
	}

	@Test
	void aWrongSecretPastTheAllowanceIsA429ProblemWithRetryAfter() {
		String address = anotherAddress();
		for (int i = 0; i < ALLOWED_FAILURES; i++) {
			assertThat(token(this.clientId, "guess-" + i, address).statusCode()).isEqualTo(401);
		}

		HttpResponse<String> refused = token(this.clientId, "one-more-guess", address);

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
		JsonNode problem = IdentityHttp.json(refused);
		assertThat(problem.get("status").asInt()).isEqualTo(429);
		assertThat(problem.get("type").asString()).isEqualTo("urn:groundgame:problem:too-many-requests");
		assertThat(refused.body()).doesNotContain("access_token");
	}

	@Test
	void concurrentWrongSecretsNeverKeepTheRightSecretOut() throws Exception {
		String sharedAddress = anotherAddress();
		List<Callable<Integer>> requests = new ArrayList<>();
		for (int i = 0; i < 80; i++) {
			boolean right = i % 4 == 0;
			String presented = right ? this.secret : "guess-" + i;
			requests.add(() -> token(this.clientId, presented, sharedAddress).statusCode() * (right ? -1 : 1));
		}
		List<Integer> answers = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
			for (Future<Integer> answer : threads.invokeAll(requests)) {
				answers.add(answer.get());
			}
		}

		// Right secrets (negated): every one a token.
		assertThat(answers.stream().filter((status) -> status < 0).toList()).hasSize(20).containsOnly(-200);
		// Wrong ones: exactly the allowance answered as usual, every other one refused.
		List<Integer> wrong = answers.stream().filter((status) -> status > 0).toList();
		assertThat(wrong).hasSize(60).containsOnly(401, 429);
		assertThat(wrong.stream().filter((status) -> status == 401)).hasSize(ALLOWED_FAILURES);
	}

	@Test
	void guessingOneClientsSecretFromManyAddressesIsThrottledForThatClient() {
		for (int i = 0; i < ALLOWED_FAILURES; i++) {
			assertThat(token(this.clientId, "guess-" + i, anotherAddress()).statusCode()).isEqualTo(401);
		}

		assertThat(token(this.clientId, "guess-from-yet-another-address", anotherAddress()).statusCode())
			.isEqualTo(429);
		assertThat(token(this.clientId, this.secret, anotherAddress()).statusCode()).isEqualTo(200);
	}

	@Test
	void guessingManyClientIdsFromOneAddressIsThrottledForThatAddress() {
		String address = anotherAddress();
		for (int i = 0; i < ALLOWED_FAILURES; i++) {
			assertThat(token("no-such-client-" + i, "anything", address).statusCode()).isEqualTo(401);
		}

		assertThat(token("no-such-client-either", "anything", address).statusCode()).isEqualTo(429);
		// The client whose address it is still gets its token.
		assertThat(token(this.clientId, this.secret, address).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> token(String clientId, String secret, String address) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(URI.create(this.http.base() + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("X-Forwarded-For", address)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
	}

	private static String anotherAddress() {
		int n = nextAddress.getAndIncrement();
		return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
	}

}
