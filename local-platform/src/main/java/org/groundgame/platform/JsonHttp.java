package org.groundgame.platform;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** A small JSON-over-HTTP client for talking to the gateway. */
final class JsonHttp {

	private static final JsonMapper json = JsonMapper.shared();

	private final URI base;

	private final HttpClient client;

	private final Duration timeout;

	private final String bearerToken;

	JsonHttp(URI base, Duration timeout) {
		this(base, timeout,
				HttpClient.newBuilder()
					.version(HttpClient.Version.HTTP_1_1)
					.connectTimeout(Duration.ofSeconds(5))
					.build(),
				null);
	}

	private JsonHttp(URI base, Duration timeout, HttpClient client, String bearerToken) {
		this.base = base;
		this.timeout = timeout;
		this.client = client;
		this.bearerToken = bearerToken;
	}

	/**
	 * The same client, sending a bearer token with every request.
	 * @param token the access token
	 * @return a client acting for the token's holder
	 */
	JsonHttp as(String token) {
		return new JsonHttp(this.base, this.timeout, this.client, token);
	}

	/**
	 * An access token from the platform's token endpoint for a client's credentials.
	 * @param clientId the client
	 * @param secret its secret
	 * @return the token's value
	 */
	String clientCredentialsToken(String clientId, String secret) {
		String basic = java.util.Base64.getEncoder()
			.encodeToString((encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
		Response answer = send(HttpRequest.newBuilder(this.base.resolve("/oauth2/token"))
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
		if (answer.status() == 401) {
			throw new GatewayException("The token endpoint refused client " + clientId
					+ ": its secret does not match the identity-service's");
		}
		return answer.json().path("access_token").asString();
	}

	Response get(String path) {
		return send(request(path).GET());
	}

	Response post(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
	}

	Response put(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
	}

	/** A body read as JSON, or a missing node when it is none. */
	static JsonNode read(String body) {
		try {
			return json.readTree((body != null) ? body : "");
		}
		catch (JacksonException ex) {
			return MissingNode.getInstance();
		}
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(this.timeout)
			.header("Accept", "application/json");
		if (this.bearerToken != null) {
			request.header("Authorization", "Bearer " + this.bearerToken);
		}
		return request;
	}

	private Response send(HttpRequest.Builder builder) {
		HttpRequest request = builder.build();
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(request.method() + " " + request.uri(), response.statusCode(), response.body());
		}
		catch (ConnectException ex) {
			throw new GatewayException(request.method() + " " + request.uri() + " failed: nothing answers at "
					+ this.base + " (is it running?)", ex);
		}
		catch (IOException ex) {
			throw new GatewayException(request.method() + " " + request.uri() + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new GatewayException(request.method() + " " + request.uri() + " was interrupted", ex);
		}
	}

	/**
	 * An answer of the gateway.
	 *
	 * @param request the method and URI asked, for messages
	 * @param status the HTTP status
	 * @param body the body as text
	 */
	record Response(String request, int status, String body) {

		boolean isSuccessful() {
			return this.status >= 200 && this.status < 300;
		}

		/**
		 * The JSON body of a successful answer.
		 * @return the body
		 * @throws GatewayException if the answer is not a 2xx with a JSON body
		 */
		JsonNode json() {
			if (!isSuccessful()) {
				throw new GatewayException(this.request + " answered " + this.status + ": " + abbreviated(this.body));
			}
			try {
				return json.readTree(this.body);
			}
			catch (JacksonException ex) {
				throw new GatewayException(
						this.request + " answered something other than JSON: " + abbreviated(this.body), ex);
			}
		}

		private static String abbreviated(String text) {
			String oneLine = (text != null) ? text.replaceAll("\\s+", " ").strip() : "";
			return (oneLine.length() > 300) ? oneLine.substring(0, 300) + "…" : oneLine;
		}

	}

	/** The gateway could not be reached or gave an unexpected answer. */
	static final class GatewayException extends RuntimeException {

		GatewayException(String message) {
			super(message);
		}

		GatewayException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
