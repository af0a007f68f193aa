package org.groundgame.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store that cannot be reached is a {@code 503} problem the client may retry, not an
 * internal error: what the service answers while MongoDB is down (see each service's
 * store-outage test, through a fault proxy, for the real thing).
 */
@SupportIntegrationTest
class StoreUnavailableProblemTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void anUnreachableStoreIsA503ProblemToRetryThatSaysNothingOfTheStore() throws Exception {
		HttpResponse<String> response;
		try (HttpClient client = HttpClient.newHttpClient()) {
			response = client
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/things/1/unreachable"))
					.header("Authorization", "Bearer " + TestTokens.staff())
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
		}

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("urn:groundgame:problem:service-unavailable");
		assertThat(problem.path("status").asInt()).isEqualTo(503);
		assertThat(response.body()).doesNotContain("secret-host").doesNotContain("Exception");
	}

}
