package org.groundgame.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail the local platform's mail catcher caught, read through its mailbox's JSON API
 * as anyone reading the mailbox page would.
 */
final class CaughtMail {

	private static final JsonMapper json = JsonMapper.shared();

	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI mailbox;

	CaughtMail(URI mailbox) {
		this.mailbox = mailbox;
	}

	/** The messages caught for an address, newest first; without their bodies. */
	List<JsonNode> to(String address) {
		List<JsonNode> found = new ArrayList<>();
		get("/api/messages").forEach((message) -> {
			if (message.path("to").valueStream().anyMatch((to) -> to.asString().equalsIgnoreCase(address))) {
				found.add(message);
			}
		});
		return found;
	}

	/** One message in full: subject, {@code text} and {@code html}. */
	JsonNode message(JsonNode listed) {
		return get("/api/messages/" + listed.path("id").asLong());
	}

	private JsonNode get(String path) {
		HttpRequest request = HttpRequest.newBuilder(this.mailbox.resolve(path))
			.timeout(Duration.ofSeconds(10))
			.build();
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("GET " + path + " of the mailbox").isEqualTo(200);
			return json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
