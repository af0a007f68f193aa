package org.groundgame.endtoend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's single entry point, as an HTTP client of the tests sees it: anonymous,
 * or acting as national staff, as the school's training staff or as one chapter with a
 * real token from the platform's token endpoint.
 */
final class Gateway {

	private static final JsonMapper json = JsonMapper.shared();

	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI base;

	private final Tokens tokens;

	private final String token;

	Gateway(URI base, Tokens tokens) {
		this(base, tokens, null);
	}

	private Gateway(URI base, Tokens tokens, String token) {
		this.base = base;
		this.tokens = tokens;
		this.token = token;
	}

	/** The same gateway, called as national staff. */
	Gateway asStaff() {
		return withToken(this.tokens.staff());
	}

	/** The same gateway, called as the Campaign Leadership School's training staff. */
	Gateway asTrainingStaff() {
		return withToken(this.tokens.trainingStaff());
	}

	/** The same gateway, called by a chapter's integration with its own client. */
	Gateway asChapter(String chapterId) {
		return withToken(this.tokens.chapter(chapterId));
	}

	/** The same gateway, called with this bearer token. */
	Gateway withToken(String token) {
		return new Gateway(this.base, this.tokens, token);
	}

	/** The same gateway, called without a token. */
	Gateway anonymous() {
		return new Gateway(this.base, this.tokens, null);
	}

	URI uri() {
		return this.base;
	}

	Tokens tokens() {
		return this.tokens;
	}

	Answer get(String path) {
		return send(request(path).GET());
	}

	/**
	 * Any request.
	 * @param method the HTTP method
	 * @param path the path and query
	 * @param body a JSON body, or {@code null} for none
	 * @return the answer
	 */
	Answer send(String method, String path, Object body) {
		HttpRequest.Builder request = request(path);
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return send(request);
	}

	/**
	 * A request with a raw body and headers of the test's choosing.
	 * @param method the HTTP method
	 * @param path the path and query
	 * @param body the body
	 * @param headers header names and values, alternating
	 * @return the answer
	 */
	Answer sendRaw(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
		HttpRequest.Builder request = request(path).method(method, body);
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.setHeader(headers[i], headers[i + 1]);
		}
		return send(request);
	}

	/**
	 * Opens a stream of Server-Sent Events and closes it as soon as it answered: its
	 * status and headers, and its body only when it is refused.
	 * @param path the path and query
	 * @return the answer, without a body when the stream opened
	 */
	Answer openStream(String path) {
		HttpRequest request = request(path).setHeader("Accept", "text/event-stream").GET().build();
		try {
			HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				String text = (response.statusCode() >= 400) ? new String(body.readAllBytes(), StandardCharsets.UTF_8)
						: "";
				return new Answer("GET " + request.uri().getPath(), response.statusCode(),
						response.headers().firstValue("Content-Type").orElse(""), text, response.headers());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("GET " + request.uri() + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	Answer post(String path, Object body) {
		return postJson(path, json.writeValueAsString(body));
	}

	Answer postJson(String path, String body) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json, application/problem+json");
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		return request;
	}

	private Answer send(HttpRequest.Builder builder) {
		HttpRequest request = builder.build();
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(request.method() + " " + request.uri().getPath(), response.statusCode(),
					response.headers().firstValue("Content-Type").orElse(""), response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An answer of the gateway.
	 *
	 * @param request what was asked, for failure messages
	 * @param status the HTTP status
	 * @param contentType the {@code Content-Type} header
	 * @param body the body as text
	 * @param headers every header of the answer
	 */
	record Answer(String request, int status, String contentType, String body, java.net.http.HttpHeaders headers) {

		java.util.Optional<String> header(String name) {
			return this.headers.firstValue(name);
		}

		JsonNode json() {
			return json.readTree(this.body);
		}

		/**
		 * The answer of a request that must succeed.
		 * @param expectedStatus the status it must have
		 * @return its JSON body
		 */
		JsonNode json(int expectedStatus) {
			if (this.status != expectedStatus) {
				throw new AssertionError(
						this.request + " answered " + this.status + " instead of " + expectedStatus + ": " + this.body);
			}
			return json();
		}

	}

}
