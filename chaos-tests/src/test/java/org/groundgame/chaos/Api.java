package org.groundgame.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway as any client reaches it: JSON over HTTP with a bearer token, nothing of
 * the platform's own code.
 */
final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

	private final URI gateway;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	Api(URI gateway) {
		this.gateway = gateway;
	}

	/**
	 * A client-credentials token from identity-service, through the gateway.
	 * @param clientId the client
	 * @param secret its secret
	 * @return the access token
	 */
	String token(String clientId, String secret) throws IOException, InterruptedException {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(this.gateway.resolve("/oauth2/token"))
			.timeout(REQUEST_TIMEOUT)
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		Answer answer = send(request);
		if (answer.status() != 200) {
			throw new IllegalStateException("No token for " + clientId + ": " + answer.status() + " " + answer.body());
		}
		return answer.json().path("access_token").asString();
	}

	Answer post(String path, String token, Map<String, ?> body) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(this.gateway.resolve(path))
			.timeout(REQUEST_TIMEOUT)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build());
	}

	Answer get(String path, String token) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(this.gateway.resolve(path))
			.timeout(REQUEST_TIMEOUT)
			.header("Authorization", "Bearer " + token)
			.GET()
			.build());
	}

	private Answer send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.body());
	}

	/**
	 * A status and a body.
	 *
	 * @param status the HTTP status
	 * @param body the body as text
	 */
	record Answer(int status, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
