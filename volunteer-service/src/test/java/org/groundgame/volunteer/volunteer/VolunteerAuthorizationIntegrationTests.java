package org.groundgame.volunteer.volunteer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.groundgame.test.security.Credential;
import org.groundgame.test.security.TestTokens;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.RequestBodySpec;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call each volunteers' endpoint, asked of the service itself: every endpoint for
 * every kind of caller, each on a volunteer of its own of the chapter at stake.
 */
@VolunteerServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class VolunteerAuthorizationIntegrationTests {

	private static final List<String> ENDPOINTS = List.of("POST /api/volunteers", "POST /api/volunteers/confirmations",
			"GET /api/volunteers", "GET /api/volunteers/{volunteer}", "PUT /api/volunteers/{volunteer}/chapter",
			"DELETE /api/volunteers/{volunteer}");

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private RestTestClient client;

	@Autowired
	private MongoTemplate mongo;

	/** The chapter whose member is at stake: OWN_CHAPTER is its token. */
	private String chapter;

	@BeforeAll
	void registerTheChapterAtStake() {
		RestTestClientResponse registered = RestTestClientResponse.from(this.client.post()
			.uri("/api/chapters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Authorization Test " + UUID.randomUUID(), "state", "MO", "city", "Hannibal",
					"contactEmail", "hello@example.org"))
			.exchange());
		assertThat(registered).hasStatus(201);
		this.chapter = this.json.readTree(registered.getExchangeResult().getResponseBodyContent()).get("id").asString();
	}

	@ParameterizedTest(name = "{0} {1} as {2}: {3}")
	@CsvSource(delimiter = '|', textBlock = """
			POST   | /api/volunteers                     | ANONYMOUS      | 202
			POST   | /api/volunteers                     | STAFF          | 201
			POST   | /api/volunteers                     | OWN_CHAPTER    | 202
			POST   | /api/volunteers                     | NO_ROLE        | 202
			POST   | /api/volunteers                     | TRAINING_STAFF | 202
			POST   | /api/volunteers/confirmations       | ANONYMOUS      | 404
			POST   | /api/volunteers/confirmations       | STAFF          | 404
			POST   | /api/volunteers/confirmations       | TRAINING_STAFF | 404
			GET    | /api/volunteers                     | ANONYMOUS      | 401
			GET    | /api/volunteers                     | STAFF          | 200
			GET    | /api/volunteers                     | OWN_CHAPTER    | 200
			GET    | /api/volunteers                     | OTHER_CHAPTER  | 200
			GET    | /api/volunteers                     | NO_ROLE        | 403
			GET    | /api/volunteers                     | TRAINING_STAFF | 403
			GET    | /api/volunteers/{volunteer}         | ANONYMOUS      | 401
			GET    | /api/volunteers/{volunteer}         | STAFF          | 200
			GET    | /api/volunteers/{volunteer}         | OWN_CHAPTER    | 200
			GET    | /api/volunteers/{volunteer}         | OTHER_CHAPTER  | 403
			GET    | /api/volunteers/{volunteer}         | NO_ROLE        | 403
			GET    | /api/volunteers/{volunteer}         | TRAINING_STAFF | 403
			GET    | /api/volunteers/unknown             | STAFF          | 404
			PUT    | /api/volunteers/{volunteer}/chapter | ANONYMOUS      | 401
			PUT    | /api/volunteers/{volunteer}/chapter | STAFF          | 200
			PUT    | /api/volunteers/{volunteer}/chapter | OWN_CHAPTER    | 200
			PUT    | /api/volunteers/{volunteer}/chapter | OTHER_CHAPTER  | 403
			PUT    | /api/volunteers/{volunteer}/chapter | NO_ROLE        | 403
			PUT    | /api/volunteers/{volunteer}/chapter | TRAINING_STAFF | 403
			DELETE | /api/volunteers/{volunteer}         | ANONYMOUS      | 401
			DELETE | /api/volunteers/{volunteer}         | STAFF          | 204
			DELETE | /api/volunteers/{volunteer}         | OWN_CHAPTER    | 204
			DELETE | /api/volunteers/{volunteer}         | OTHER_CHAPTER  | 403
			DELETE | /api/volunteers/{volunteer}         | NO_ROLE        | 403
			DELETE | /api/volunteers/{volunteer}         | TRAINING_STAFF | 403
			DELETE | /api/volunteers/unknown             | STAFF          | 404
			""")
	void eachCallerGetsWhatItsRoleAndChapterAllow(HttpMethod method, String path, Credential caller, int status) {
		String volunteer = signUp();
		RestTestClientResponse response = call(method, path.replace("{volunteer}", volunteer), caller);

		assertThat(response).hasStatus(status);
		if (status >= 400) {
			assertThat(response).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		if (method == HttpMethod.DELETE && !path.endsWith("unknown")) {
			boolean erased = this.mongo.findById(volunteer, VolunteerDocument.class).toVolunteer().erased();
			assertThat(erased).as("erased").isEqualTo(status == 204);
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
		RestTestClientResponse response = call(method, path.replace("{volunteer}", signUp()), token);

		assertThat(response).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	/** A volunteer signed up by staff, whose answer names the id. */
	private String signUp() {
		RestTestClientResponse response = RestTestClientResponse.from(this.client.post()
			.uri("/api/volunteers")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
			.contentType(MediaType.APPLICATION_JSON)
			.body(body())
			.exchange());
		assertThat(response).hasStatus(201);
		return this.json.readTree(response.getExchangeResult().getResponseBodyContent()).get("id").asString();
	}

	private Map<String, Object> body() {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Authorization Volunteer");
		body.put("email", "authz-" + UUID.randomUUID() + "@example.org");
		body.put("chapterId", this.chapter);
		return body;
	}

	private RestTestClientResponse call(HttpMethod method, String path, Credential caller) {
		RequestBodySpec request = this.client.method(method).uri(path);
		String token = caller.token(this.chapter);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		if (method == HttpMethod.POST) {
			request.contentType(MediaType.APPLICATION_JSON).body(body());
		}
		if (method == HttpMethod.PUT) {
			request.contentType(MediaType.APPLICATION_JSON).body(Map.of("chapterId", this.chapter));
		}
		return RestTestClientResponse.from(request.exchange());
	}

}
