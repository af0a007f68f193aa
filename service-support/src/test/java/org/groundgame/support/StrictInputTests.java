package org.groundgame.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.bson.BsonSerializationException;
import org.bson.Document;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Strict input: every value in its own JSON type, enums by name, no unsafe characters in
 * a body, a parameter or a path; the web server's own refusals as problem documents; and
 * the health a probe reads.
 */
@SupportIntegrationTest
class StrictInputTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	HealthEndpointGroups healthGroups;

	@Test
	void aWellTypedBodyIsReadWithItsFreeTextLineBreaksAndTabs() throws Exception {
		HttpResponse<String> response = post("/strict/people",
				"{\"name\":\"Zoë Ortiz 🌻\",\"age\":41,\"active\":true,\"level\":\"STATE\","
						+ "\"tags\":[\"line one\\nline two\\r\\n\\tindented\"],\"shifts\":[{\"capacity\":3,\"hours\":2.5}]}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode person = JSON.readTree(response.body());
		assertThat(person.path("name").asString()).isEqualTo("Zoë Ortiz 🌻");
		assertThat(person.path("tags").get(0).asString()).isEqualTo("line one\nline two\r\n\tindented");
	}

	@Test
	void aNumberOrABooleanIsNotTakenForAString() throws Exception {
		assertRefused(post("/strict/people", "{\"name\":12345}"), "name", "must be a string");
		assertRefused(post("/strict/people", "{\"name\":true}"), "name", "must be a string");
		assertRefused(post("/strict/people", "{\"name\":1.5}"), "name", "must be a string");
		assertRefused(post("/strict/people", "{\"tags\":[\"a\",7]}"), "tags[1]", "must be a string");
	}

	@Test
	void aStringIsNotTakenForANumberOrABooleanNorAFractionForAnInteger() throws Exception {
		assertRefused(post("/strict/people", "{\"age\":\"41\"}"), "age", "must be a number");
		assertRefused(post("/strict/people", "{\"active\":\"true\"}"), "active", "must be a boolean");
		assertRefused(post("/strict/people", "{\"active\":1}"), "active", "must be a boolean");
		assertRefused(
				post("/strict/people", "{\"shifts\":[{\"capacity\":3,\"hours\":1},{\"capacity\":1.5,\"hours\":1}]}"),
				"shifts[1].capacity", "must be a number");
		assertRefused(post("/strict/people", "{\"shifts\":[{\"capacity\":\"3\",\"hours\":1}]}"), "shifts[0].capacity",
				"must be a number");
		assertRefused(post("/strict/people", "{\"shifts\":[{\"capacity\":null,\"hours\":1}]}"), "shifts[0].capacity",
				"must be a number");
	}

	@Test
	void anEnumIsOneOfItsNamesNeverItsOrdinal() throws Exception {
		assertRefused(post("/strict/people", "{\"level\":0}"), "level", "must be one of");
		assertRefused(post("/strict/people", "{\"level\":\"0\"}"), "level", "must be one of");
		assertRefused(post("/strict/people", "{\"level\":\"\"}"), "level", "must be one of");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\\u0000b", "a\\u0007b", "a\\u001bb", "a\\u007fb", "a\\u0085b", "a\\u202eb", "a\\u2066b",
			"a\\ud800b", "a\\udc00b", "a\\ud83cb" })
	void aStringWithAControlBidiOrUnpairedSurrogateCharacterIsRefusedNamingItsField(String escaped) throws Exception {
		assertRefused(post("/strict/people", "{\"name\":\"" + escaped + "\"}"), "name", "must not contain");
		assertRefused(post("/strict/people", "{\"tags\":[\"fine\",\"" + escaped + "\"]}"), "tags[1]",
				"must not contain");
	}

	@Test
	void aNulInAQueryParameterThatReachesARegularExpressionIsA400NotA500() throws Exception {
		// The fault refused: the driver cannot write a NUL into a BSON regular
		// expression.
		assertThatExceptionOfType(BsonSerializationException.class).isThrownBy(
				() -> this.mongo.find(Query.query(Criteria.where("office").regex(Pattern.quote("a\u0000b"), "i")),
						Document.class, "strict_people"));

		assertRefused(get("/strict/people?office=a%00b"), "office", "must not contain control characters");
		assertRefused(get("/strict/people?office=a%E2%80%AEb"), "office", "must not contain bidirectional");
		assertRefused(get("/strict/people?office=ok&of%01fice=x"), "parameter name", "must not contain");
		assertThat(get("/strict/people?office=a%25b%5C(").statusCode()).isEqualTo(200);
	}

	@Test
	void anUnsafePathVariableIsA400NamingIt() throws Exception {
		assertRefused(get("/strict/people/a%E2%80%AEb"), "id", "must not contain bidirectional");
		assertRefused(get("/strict/people/a%C2%85b"), "id", "must not contain control characters");
		assertThat(get("/strict/people/a%20b").statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/strict/people/a%2Fb", "/strict/people/a%5Cb", "/strict/people/a%00b",
			"/strict/people/%zz", "/strict/people/a%", "/strict/people/a%2", "/strict/people/a%2F..%2F..%2Fetc",
			"/strict/people/a\\b", "/strict/people/a\u0001b", "/strict/people/a b", "/strict/people/a\"b",
			"/strict/people/a<b>", "/strict/people?office=a{b}", "/strict/people/..%2F",
			// refused by Spring Security's firewall, after the web server
			"/strict//people/a", "/strict/people/a;b=c", "/strict/people/%2e%2e/x" })
	void theWebServersOwnRefusalIsA400ProblemDocument(String target) throws Exception {
		RawAnswer answer = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(answer.status()).as(answer.text()).isEqualTo(400);
		assertThat(answer.header("content-type")).as(answer.text()).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(answer.body());
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("type").asString()).isEqualTo("urn:groundgame:problem:invalid-input");
		assertThat(answer.body()).doesNotContain("Tomcat").doesNotContain("<html");
	}

	@ParameterizedTest
	@ValueSource(strings = { "office=%zz", "office=a%2", "office=%C0%AF", "office=%ED%A0%80", "office=%FF%FE",
			"%ED%A0%80=x", "a%2=x" })
	void aQueryThatCannotBeDecodedIsA400NamingTheQueryNotA500(String query) throws Exception {
		RawAnswer answer = raw("GET /strict/people?" + query + " HTTP/1.0\r\nHost: localhost\r\nAuthorization: Bearer "
				+ TestTokens.staff() + "\r\nConnection: close\r\n\r\n");

		assertThat(answer.status()).as(answer.text()).isEqualTo(400);
		assertThat(answer.header("content-type")).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(answer.body());
		assertThat(problem.path("errors").get(0).path("field").asString()).as(answer.body()).isEqualTo("query");
	}

	@Test
	void aMalformedRequestLineIsAProblemDocumentToo() throws Exception {
		RawAnswer answer = raw("GET /strict/people HTTP/1.1 extra\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(answer.status()).as(answer.text()).isBetween(400, 499);
		assertThat(answer.header("content-type")).as(answer.text()).startsWith("application/problem+json");
	}

	@Test
	void readinessFollowsTheStoreAndTheServiceIsHealthyOnTheEmbeddedStore() throws Exception {
		assertThat(this.healthGroups.get("readiness").isMember("mongo")).isTrue();
		assertThat(this.healthGroups.get("liveness").isMember("mongo")).isFalse();
		HttpResponse<String> health = get("/actuator/health");
		HttpResponse<String> readiness = get("/actuator/health/readiness");

		assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
		assertThat(JSON.readTree(health.body()).path("status").asString()).isEqualTo("UP");
		assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
	}

	private static void assertRefused(HttpResponse<String> response, String field, String message) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("urn:groundgame:problem:invalid-input");
		List<Map.Entry<String, String>> errors = problem.path("errors")
			.valueStream()
			.map((error) -> Map.entry(error.path("field").asString(), error.path("message").asString()))
			.toList();
		assertThat(errors).as(response.body())
			.anySatisfy((error) -> assertThat(error.getKey()).isEqualTo(field))
			.allSatisfy((error) -> assertThat(error.getValue()).contains(message));
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	/** As staff: what is checked here is the input, after authorization. */
	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return send(request.header("Authorization", "Bearer " + TestTokens.staff()).build());
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/** A request written byte for byte, as no well-behaved HTTP client would send it. */
	private RawAnswer raw(String request) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream read = new ByteArrayOutputStream();
			in.transferTo(read);
			return new RawAnswer(read.toString(StandardCharsets.UTF_8));
		}
	}

	record RawAnswer(String text) {

		int status() {
			return Integer.parseInt(this.text.split(" ", 3)[1]);
		}

		String header(String name) {
			for (String line : this.text.substring(0, this.text.indexOf("\r\n\r\n")).split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
					return line.substring(colon + 1).strip();
				}
			}
			return "";
		}

		String body() {
			String body = this.text.substring(this.text.indexOf("\r\n\r\n") + 4);
			return body;
		}

	}

}
