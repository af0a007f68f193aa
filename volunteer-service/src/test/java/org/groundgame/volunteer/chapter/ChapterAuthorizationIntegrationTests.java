package org.groundgame.volunteer.chapter;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.groundgame.test.security.Credential;
import org.groundgame.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.RequestBodySpec;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call each endpoint, asked of the service itself rather than of the gateway in
 * front of it: every endpoint for every kind of caller, with the status each gets.
 */
@VolunteerServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class ChapterAuthorizationIntegrationTests {

	private static final List<String> ENDPOINTS = List.of("GET /api/chapters", "GET /api/chapters/{chapter}",
			"POST /api/chapters", "PUT /api/chapters/{chapter}");

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private RestTestClient client;

	@Autowired
	private MongoTemplate mongo;

	/** The chapter whose data is at stake: OWN_CHAPTER is its token. */
	private String chapter;

	@BeforeAll
	void registerTheChapterAtStake() {
		RestTestClientResponse registered = call(HttpMethod.POST, "/api/chapters", Credential.STAFF);
		assertThat(registered).hasStatus(201);
		this.chapter = this.json.readTree(registered.getExchangeResult().getResponseBodyContent()).get("id").asString();
	}

	@ParameterizedTest(name = "{0} {1} as {2}: {3}")
	@CsvSource(delimiter = '|', textBlock = """
			GET  | /api/chapters           | ANONYMOUS      | 200
			GET  | /api/chapters           | STAFF          | 200
			GET  | /api/chapters           | OWN_CHAPTER    | 200
			GET  | /api/chapters           | OTHER_CHAPTER  | 200
			GET  | /api/chapters           | NO_ROLE        | 200
			GET  | /api/chapters           | TRAINING_STAFF | 200
			GET  | /api/chapters/{chapter} | ANONYMOUS      | 200
			GET  | /api/chapters/{chapter} | STAFF          | 200
			GET  | /api/chapters/{chapter} | OWN_CHAPTER    | 200
			GET  | /api/chapters/{chapter} | OTHER_CHAPTER  | 200
			GET  | /api/chapters/{chapter} | NO_ROLE        | 200
			GET  | /api/chapters/{chapter} | TRAINING_STAFF | 200
			POST | /api/chapters           | ANONYMOUS      | 401
			POST | /api/chapters           | STAFF          | 201
			POST | /api/chapters           | OWN_CHAPTER    | 403
			POST | /api/chapters           | OTHER_CHAPTER  | 403
			POST | /api/chapters           | NO_ROLE        | 403
			POST | /api/chapters           | TRAINING_STAFF | 403
			POST | /api/chapters/          | OWN_CHAPTER    | 404
			PUT  | /api/chapters/{chapter} | ANONYMOUS      | 401
			PUT  | /api/chapters/{chapter} | STAFF          | 200
			PUT  | /api/chapters/{chapter} | OWN_CHAPTER    | 200
			PUT  | /api/chapters/{chapter} | OTHER_CHAPTER  | 403
			PUT  | /api/chapters/{chapter} | NO_ROLE        | 403
			PUT  | /api/chapters/{chapter} | TRAINING_STAFF | 403
			""")
	void eachCallerGetsWhatItsRoleAllows(HttpMethod method, String path, Credential caller, int status) {
		RestTestClientResponse response = call(method, path, caller);

		assertThat(response).hasStatus(status);
		if (status >= 400) {
			assertThat(response).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	static Stream<Arguments> everyEndpointWithEveryRefusedToken() {
		return ENDPOINTS.stream()
			.flatMap((endpoint) -> Credential.REFUSED.stream()
				.map((token) -> Arguments.of(HttpMethod.valueOf(endpoint.split(" ")[0]), endpoint.split(" ")[1],
						token)));
	}

	@ParameterizedTest(name = "{0} {1} with {2}: 401")
	@MethodSource("everyEndpointWithEveryRefusedToken")
	void aBadTokenIsRefusedEvenWhereNoTokenIsNeeded(HttpMethod method, String path, Credential token) {
		RestTestClientResponse response = call(method, path, token);

		assertThat(response).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getExchangeResult().getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
			.startsWith("Bearer");
	}

	/**
	 * Calls an endpoint; a registration is of a chapter of its own, an update renames the
	 * chapter at stake, and either is checked to be stored exactly when it was accepted.
	 */
	private RestTestClientResponse call(HttpMethod method, String path, Credential caller) {
		RequestBodySpec request = this.client.method(method)
			.uri(path.replace("{chapter}", String.valueOf(this.chapter)));
		String token = caller.token(this.chapter);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		String name = "Authorization Test " + UUID.randomUUID();
		if (method == HttpMethod.POST || method == HttpMethod.PUT) {
			request.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("name", name, "state", "MO", "city", "Hannibal", "contactEmail", "hello@example.org"));
		}
		RestTestClientResponse response = RestTestClientResponse.from(request.exchange());
		if (method == HttpMethod.POST || method == HttpMethod.PUT) {
			boolean accepted = response.getExchangeResult().getStatus().is2xxSuccessful();
			assertThat(this.mongo.exists(Query.query(Criteria.where("name").is(name)), ChapterDocument.class))
				.as("stored")
				.isEqualTo(accepted);
		}
		return response;
	}

}
