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

@SupportIntegrationTest
class ProblemDocumentTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void invalidFieldsAreA400NamingEachField() throws Exception {
		HttpResponse<String> response = post("/things",
				"{\"name\":\" \",\"capacity\":0,\"race\":{\"office\":\"\",\"level\":\"STATE\",\"electionDate\":\"2027-11-02\"}}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("type").asString()).as(response.body())
			.isEqualTo("urn:groundgame:problem:invalid-input");
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("errors").valueStream().map((error) -> error.path("field").asString()))
			.containsExactlyInAnyOrder("name", "capacity", "race.office");
	}

	@Test
	void aValueOutsideAnEnumIsA400NamingTheFieldAndTheAllowedValues() throws Exception {
		HttpResponse<String> response = post("/things",
				"{\"name\":\"x\",\"capacity\":1,\"race\":{\"office\":\"Mayor\",\"level\":\"GALACTIC\",\"electionDate\":\"2027-11-02\"}}");

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode error = JSON.readTree(response.body()).path("errors").get(0);
		assertThat(error.path("field").asString()).isEqualTo("race.level");
		assertThat(error.path("message").asString()).contains("FEDERAL", "STATE", "LOCAL");
	}

	@Test
	void malformedJsonIsA400() throws Exception {
		HttpResponse<String> response = post("/things", "{\"name\":");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(response.body()).path("title").asString()).isEqualTo("Invalid input");
	}

	@Test
	void aMissingRequiredParameterIsA400NamingIt() throws Exception {
		HttpResponse<String> response = get("/things");

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode error = JSON.readTree(response.body()).path("errors").get(0);
		assertThat(error.path("field").asString()).isEqualTo("state");
		assertThat(error.path("message").asString()).isEqualTo("is required");
	}

	@Test
	void anUnknownIdIsA404Problem() throws Exception {
		HttpResponse<String> response = get("/things/nope");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(response.body()).path("detail").asString()).isEqualTo("No thing with id nope");
	}

	@Test
	void anIllegalStateChangeIsA409NamingTheCurrentState() throws Exception {
		HttpResponse<String> response = post("/things/1/close", "");

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(JSON.readTree(response.body()).path("currentState").asString()).isEqualTo("CLOSED");
	}

	@Test
	void anUnexpectedFailureIsA500ThatRevealsNothingOfTheInternals() throws Exception {
		HttpResponse<String> response = get("/things/1/broken");

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).doesNotContain("secret internal detail").doesNotContain("Exception");
	}

	@Test
	void anUnknownPathIsA404Problem() throws Exception {
		HttpResponse<String> response = get("/no/such/path");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void anotherChaptersDataIsA403ProblemAndNoTokenA401() throws Exception {
		HttpResponse<String> otherChapter = send(HttpRequest.newBuilder(uri("/chapters/a/things"))
			.header("Authorization", "Bearer " + TestTokens.chapter("b"))
			.GET()
			.build());
		HttpResponse<String> ownChapter = send(HttpRequest.newBuilder(uri("/chapters/a/things"))
			.header("Authorization", "Bearer " + TestTokens.chapter("a"))
			.GET()
			.build());
		HttpResponse<String> noToken = send(HttpRequest.newBuilder(uri("/chapters/a/things")).GET().build());

		assertThat(otherChapter.statusCode()).isEqualTo(403);
		assertThat(JSON.readTree(otherChapter.body()).path("type").asString())
			.isEqualTo("urn:groundgame:problem:forbidden");
		assertThat(ownChapter.statusCode()).isEqualTo(200);
		assertThat(noToken.statusCode()).isEqualTo(401);
		assertThat(noToken.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + TestTokens.staff())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + TestTokens.staff())
			.GET()
			.build());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpRequest request) throws Exception {
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}

}
