package org.groundgame.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform's single entry point, as an HTTP client of the tests sees it. */
final class Gateway {

	private static final JsonMapper json = JsonMapper.shared();

	private final URI base;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	Gateway(URI base) {
		this.base = base;
	}

	Answer get(String path) {
		return send(request(path).GET());
	}

	Answer post(String path, Object body) {
		return postJson(path, json.writeValueAsString(body));
	}

	Answer postJson(String path, String body) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json, application/problem+json");
	}

	private Answer send(HttpRequest.Builder builder) {
		HttpRequest request = builder.build();
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(request.method() + " " + request.uri().getPath(), response.statusCode(),
					response.headers().firstValue("Content-Type").orElse(""), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", ex);
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
	 */
	record Answer(String request, int status, String contentType, String body) {

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
