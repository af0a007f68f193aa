package org.groundgame.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.groundgame.platform.PlatformCredentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real tokens from the platform's token endpoint ({@code client_credentials}): national
 * staff's from the staff client the platform was started with, and the school's training
 * staff's and each chapter's from a client made for it through {@code POST /api/clients}.
 * Tokens are reused until shortly before they expire.
 */
final class Tokens {

	private static final JsonMapper json = JsonMapper.shared();

	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI gateway;

	private final PlatformCredentials.Client staffClient;

	private final Map<String, PlatformCredentials.Client> chapterClients = new ConcurrentHashMap<>();

	private PlatformCredentials.Client trainingStaffClient;

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	Tokens(URI gateway, PlatformCredentials.Client staffClient) {
		this.gateway = gateway;
		this.staffClient = staffClient;
	}

	String staff() {
		return tokenOf(this.staffClient);
	}

	String chapter(String chapterId) {
		return tokenOf(chapterClient(chapterId));
	}

	/**
	 * A token of the Campaign Leadership School's training staff.
	 * @return the token
	 */
	String trainingStaff() {
		return tokenOf(trainingStaffClient());
	}

	/**
	 * The training staff's client, made by national staff on first use as a chapter's is:
	 * identity-service gives its tokens the role {@code TRAINING_STAFF}.
	 * @return its client id and secret
	 */
	synchronized PlatformCredentials.Client trainingStaffClient() {
		if (this.trainingStaffClient == null) {
			JsonNode body = new Gateway(this.gateway, this).asStaff()
				.send("POST", "/api/clients",
						Map.of("name", "End-to-end tests: the school's training staff", "role", "TRAINING_STAFF"))
				.json(201);
			this.trainingStaffClient = new PlatformCredentials.Client(body.path("clientId").asString(),
					body.path("clientSecret").asString());
		}
		return this.trainingStaffClient;
	}

	/**
	 * The client of a chapter, made on first use.
	 * @param chapterId the chapter
	 * @return its client id and secret
	 */
	PlatformCredentials.Client chapterClient(String chapterId) {
		return this.chapterClients.computeIfAbsent(chapterId, (id) -> {
			// identity-service makes clients only for chapters it has heard of from
			// volunteer-service's events, a moment after they were registered.
			Gateway.Answer made = org.awaitility.Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> new Gateway(this.gateway, this).asStaff()
					.send("POST", "/api/clients",
							Map.of("name", "End-to-end tests for " + id, "role", "CHAPTER", "chapterId", id)),
						(answer) -> answer.status() != 400);
			JsonNode body = made.json(201);
			return new PlatformCredentials.Client(body.path("clientId").asString(),
					body.path("clientSecret").asString());
		});
	}

	/**
	 * Forgets every token held, so that the next ones are asked for again: after a test
	 * revoked the key the held ones were signed with.
	 */
	void forget() {
		this.tokens.clear();
	}

	String tokenOf(PlatformCredentials.Client client) {
		Token token = this.tokens.compute(client.clientId(),
				(id, known) -> (known != null && known.expiresAt().isAfter(Instant.now().plusSeconds(60))) ? known
						: request(client));
		return token.value();
	}

	/**
	 * Asks the token endpoint.
	 * @param clientId the client
	 * @param secret the secret it presents
	 * @return the answer: status, and the body
	 */
	Gateway.Answer ask(String clientId, String secret) {
		String basic = Base64.getEncoder()
			.encodeToString((encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(this.gateway.resolve("/oauth2/token"))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Gateway.Answer("POST /oauth2/token", response.statusCode(),
					response.headers().firstValue("Content-Type").orElse(""), response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Token request(PlatformCredentials.Client client) {
		// A client honours Retry-After (the token endpoint refuses only wrong secrets,
		// but a client whose secret is wrong would wait here for the answer to change).
		Gateway.Answer[] last = new Gateway.Answer[1];
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(1))
			.pollDelay(Duration.ZERO)
			.until(() -> {
				last[0] = ask(client.clientId(), client.secret());
				return last[0].status() != 429;
			});
		JsonNode answer = last[0].json(200);
		return new Token(answer.path("access_token").asString(),
				Instant.now().plusSeconds(answer.path("expires_in").asLong(60)));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private record Token(String value, Instant expiresAt) {
	}

}
