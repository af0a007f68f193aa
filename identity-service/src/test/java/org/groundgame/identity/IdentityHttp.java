package org.groundgame.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain HTTP to the running service, as a client of the platform would talk to it: tokens
 * from {@code /oauth2/token}, JSON to and from {@code /api}.
 */
public final class IdentityHttp {

	public static final String STAFF_CLIENT = "staff-tests";

	public static final String STAFF_SECRET = "a-staff-secret-only-the-tests-know";

	public static final String CHAPTER_CLIENT = "chapter-tests";

	public static final String CHAPTER_SECRET = "a-chapter-secret-only-the-tests-know";

	public static final String CHAPTER_ID = "chapter-mo-1";

	public static final String ISSUER = "http://localhost:8080";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	public IdentityHttp(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public String base() {
		return this.base;
	}

	public HttpResponse<String> token(String clientId, String secret) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(this.base + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials")))));
	}

	/** An access token for the client, which must get one. */
	public String accessToken(String clientId, String secret) {
		HttpResponse<String> response = token(clientId, secret);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response).get("access_token").asString();
	}

	public String staffToken() {
		return accessToken(STAFF_CLIENT, STAFF_SECRET);
	}

	public HttpResponse<String> get(String path, String token) {
		return send(authorized(HttpRequest.newBuilder(URI.create(this.base + path)), token).GET());
	}

	public HttpResponse<String> post(String path, String json, String token) {
		return send(authorized(HttpRequest.newBuilder(URI.create(this.base + path)), token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> put(String path, String json, String token) {
		return send(authorized(HttpRequest.newBuilder(URI.create(this.base + path)), token)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> delete(String path, String token) {
		return send(authorized(HttpRequest.newBuilder(URI.create(this.base + path)), token).DELETE());
	}

	/** A decoder such as another service would build: keys from the served JWK Set. */
	public NimbusJwtDecoder decoderFromJwks() {
		return NimbusJwtDecoder.withJwkSetUri(this.base + "/oauth2/jwks").build();
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	public static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
		return (token != null) ? request.header("Authorization", "Bearer " + token) : request;
	}

}
