package org.groundgame.volunteer.opportunity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.test.security.Credential;
import org.groundgame.test.security.TestTokens;
import org.groundgame.volunteer.VolunteerServiceIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call each endpoint of opportunities and shifts, asked of the service itself:
 * every endpoint for every kind of caller, each on fresh opportunities of the chapter at
 * stake, made for the call when its path names them ({@code {open}} with shift
 * {@code {shift}} and a signup {@code {signup}} on it; {@code {draft}} with shift
 * {@code {draftShift}}).
 */
@VolunteerServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class OpportunityAuthorizationIntegrationTests {

	private static final List<String> ENDPOINTS = List.of("POST /api/opportunities", "GET /api/opportunities",
			"GET /api/opportunities/{open}", "POST /api/opportunities/{open}/shifts",
			"POST /api/opportunities/{draft}/publish", "GET /api/shifts/{shift}", "PUT /api/shifts/{shift}/capacity",
			"POST /api/shifts/{shift}/signups", "DELETE /api/shifts/{shift}/signups/{signup}",
			"POST /api/shifts/{shift}/signups/{signup}/confirm", "GET /api/shifts/{shift}/signups",
			"POST /api/shifts/{shift}/signups/{signup}/attendance");

	@Autowired
	private PersonalDataProtection protection;

	@Autowired
	private RestTestClient client;

	private ShiftApi api;

	/** The organizing chapter: OWN_CHAPTER is its token. */
	private String chapter;

	@BeforeAll
	void registerTheChapterAtStake() {
		this.api = new ShiftApi(this.client);
		this.chapter = this.api.registerChapter("MO");
	}

	@ParameterizedTest(name = "{0} {1} as {2}: {3}")
	@CsvSource(delimiter = '|', textBlock = """
			POST   | /api/opportunities                                 | ANONYMOUS      | 401
			POST   | /api/opportunities                                 | STAFF          | 201
			POST   | /api/opportunities                                 | OWN_CHAPTER    | 201
			POST   | /api/opportunities                                 | OTHER_CHAPTER  | 403
			POST   | /api/opportunities                                 | NO_ROLE        | 403
			POST   | /api/opportunities                                 | TRAINING_STAFF | 403
			GET    | /api/opportunities                                 | ANONYMOUS      | 200
			GET    | /api/opportunities                                 | STAFF          | 200
			GET    | /api/opportunities                                 | OWN_CHAPTER    | 200
			GET    | /api/opportunities                                 | OTHER_CHAPTER  | 200
			GET    | /api/opportunities                                 | NO_ROLE        | 200
			GET    | /api/opportunities                                 | TRAINING_STAFF | 200
			GET    | /api/opportunities?status=DRAFT                    | ANONYMOUS      | 401
			GET    | /api/opportunities?status=DRAFT                    | STAFF          | 200
			GET    | /api/opportunities?status=DRAFT                    | OWN_CHAPTER    | 200
			GET    | /api/opportunities?status=DRAFT                    | OTHER_CHAPTER  | 200
			GET    | /api/opportunities?status=DRAFT                    | NO_ROLE        | 403
			GET    | /api/opportunities?status=DRAFT                    | TRAINING_STAFF | 403
			GET    | /api/opportunities/{open}                          | ANONYMOUS      | 200
			GET    | /api/opportunities/{open}                          | OTHER_CHAPTER  | 200
			GET    | /api/opportunities/{open}                          | TRAINING_STAFF | 200
			GET    | /api/opportunities/{draft}                         | ANONYMOUS      | 404
			GET    | /api/opportunities/{draft}                         | STAFF          | 200
			GET    | /api/opportunities/{draft}                         | OWN_CHAPTER    | 200
			GET    | /api/opportunities/{draft}                         | OTHER_CHAPTER  | 404
			GET    | /api/opportunities/{draft}                         | NO_ROLE        | 404
			GET    | /api/opportunities/{draft}                         | TRAINING_STAFF | 404
			GET    | /api/opportunities/unknown                         | STAFF          | 404
			POST   | /api/opportunities/{open}/shifts                   | ANONYMOUS      | 401
			POST   | /api/opportunities/{open}/shifts                   | STAFF          | 201
			POST   | /api/opportunities/{open}/shifts                   | OWN_CHAPTER    | 201
			POST   | /api/opportunities/{open}/shifts                   | OTHER_CHAPTER  | 403
			POST   | /api/opportunities/{open}/shifts                   | NO_ROLE        | 403
			POST   | /api/opportunities/{open}/shifts                   | TRAINING_STAFF | 403
			POST   | /api/opportunities/{draft}/publish                 | ANONYMOUS      | 401
			POST   | /api/opportunities/{draft}/publish                 | STAFF          | 200
			POST   | /api/opportunities/{draft}/publish                 | OWN_CHAPTER    | 200
			POST   | /api/opportunities/{draft}/publish                 | OTHER_CHAPTER  | 403
			POST   | /api/opportunities/{draft}/publish                 | NO_ROLE        | 403
			POST   | /api/opportunities/{draft}/publish                 | TRAINING_STAFF | 403
			GET    | /api/shifts/{shift}                                | ANONYMOUS      | 200
			GET    | /api/shifts/{shift}                                | OTHER_CHAPTER  | 200
			GET    | /api/shifts/{shift}                                | TRAINING_STAFF | 200
			GET    | /api/shifts/{draftShift}                           | ANONYMOUS      | 404
			GET    | /api/shifts/{draftShift}                           | STAFF          | 200
			GET    | /api/shifts/{draftShift}                           | OWN_CHAPTER    | 200
			GET    | /api/shifts/{draftShift}                           | OTHER_CHAPTER  | 404
			GET    | /api/shifts/unknown                                | STAFF          | 404
			PUT    | /api/shifts/{shift}/capacity                       | ANONYMOUS      | 401
			PUT    | /api/shifts/{shift}/capacity                       | STAFF          | 200
			PUT    | /api/shifts/{shift}/capacity                       | OWN_CHAPTER    | 200
			PUT    | /api/shifts/{shift}/capacity                       | OTHER_CHAPTER  | 403
			PUT    | /api/shifts/{shift}/capacity                       | NO_ROLE        | 403
			PUT    | /api/shifts/{shift}/capacity                       | TRAINING_STAFF | 403
			POST   | /api/shifts/{shift}/signups                        | ANONYMOUS      | 401
			POST   | /api/shifts/{shift}/signups                        | STAFF          | 201
			POST   | /api/shifts/{shift}/signups                        | OWN_CHAPTER    | 201
			POST   | /api/shifts/{shift}/signups                        | OTHER_CHAPTER  | 403
			POST   | /api/shifts/{shift}/signups                        | NO_ROLE        | 403
			POST   | /api/shifts/{shift}/signups                        | TRAINING_STAFF | 403
			DELETE | /api/shifts/{shift}/signups/{signup}               | ANONYMOUS      | 401
			DELETE | /api/shifts/{shift}/signups/{signup}               | STAFF          | 200
			DELETE | /api/shifts/{shift}/signups/{signup}               | OWN_CHAPTER    | 200
			DELETE | /api/shifts/{shift}/signups/{signup}               | OTHER_CHAPTER  | 403
			DELETE | /api/shifts/{shift}/signups/{signup}               | NO_ROLE        | 403
			DELETE | /api/shifts/{shift}/signups/{signup}               | TRAINING_STAFF | 403
			DELETE | /api/shifts/{shift}/signups/unknown                | STAFF          | 404
			POST   | /api/shifts/{shift}/signups/{signup}/confirm       | ANONYMOUS      | 401
			POST   | /api/shifts/{shift}/signups/{signup}/confirm       | STAFF          | 200
			POST   | /api/shifts/{shift}/signups/{signup}/confirm       | OWN_CHAPTER    | 200
			POST   | /api/shifts/{shift}/signups/{signup}/confirm       | OTHER_CHAPTER  | 403
			POST   | /api/shifts/{shift}/signups/{signup}/confirm       | NO_ROLE        | 403
			POST   | /api/shifts/{shift}/signups/{signup}/confirm       | TRAINING_STAFF | 403
			GET    | /api/shifts/{shift}/signups                        | ANONYMOUS      | 401
			GET    | /api/shifts/{shift}/signups                        | STAFF          | 200
			GET    | /api/shifts/{shift}/signups                        | OWN_CHAPTER    | 200
			GET    | /api/shifts/{shift}/signups                        | OTHER_CHAPTER  | 403
			GET    | /api/shifts/{shift}/signups                        | NO_ROLE        | 403
			GET    | /api/shifts/{shift}/signups                        | TRAINING_STAFF | 403
			POST   | /api/shifts/{shift}/signups/{signup}/attendance    | ANONYMOUS      | 401
			POST   | /api/shifts/{shift}/signups/{signup}/attendance    | OTHER_CHAPTER  | 403
			POST   | /api/shifts/{shift}/signups/{signup}/attendance    | NO_ROLE        | 403
			POST   | /api/shifts/{shift}/signups/{signup}/attendance    | TRAINING_STAFF | 403
			""")
	void eachCallerGetsWhatItsRoleAndChapterAllow(HttpMethod method, String path, Credential caller, int status) {
		RestTestClientResponse response = call(method, path, caller, null);

		assertThat(response).hasStatus(status);
		if (status >= 400) {
			assertThat(response).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	/**
	 * Attendance is for staff and the organizing chapter, once the shift started: before,
	 * they get past the access check to a {@code 409}.
	 */
	@ParameterizedTest(name = "attendance as {0}")
	@CsvSource({ "STAFF", "OWN_CHAPTER" })
	void organizersGetPastTheAccessCheckOfAttendance(Credential caller) {
		assertThat(call(HttpMethod.POST, "/api/shifts/{shift}/signups/{signup}/attendance", caller, null))
			.hasStatus(409);
	}

	/**
	 * An RSVP without a bearer token is the volunteer's own, with their key: the key of
	 * another volunteer, or a guessed one, is refused and signs nobody up.
	 */
	@Test
	void withoutABearerTokenOnlyTheVolunteersOwnKeyRsvps() {
		String shift = this.api.openShift(this.chapter, 3);
		try (var events = ShiftApi.events(this.protection)) {
			String ada = this.api.signUp(null);
			String grace = this.api.signUp(null);
			String graceKey = ShiftApi.keyOf(events, grace);

			assertThat(this.api.rsvpWithKey(shift, ada, graceKey)).hasStatus(403)
				.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(this.api.rsvpWithKey(shift, ada, "guessed")).hasStatus(403);
			assertThat(this.api.rsvpWithKey(shift, ada, ShiftApi.keyOf(events, ada))).hasStatus(201);
			assertThat(this.api.rsvpWithKey(shift, grace, graceKey)).hasStatus(201);
		}
		assertThat(this.api.roster(shift).get("page").get("totalElements").asInt()).isEqualTo(2);
	}

	@Test
	void theVolunteersOwnChapterMayCancelTheirSignupOnAnotherChaptersShift() {
		String volunteersChapter = this.api.registerChapter("MO");
		String shift = this.api.openShift(this.chapter, 3);
		JsonNode signup = this.api.body(ShiftApi.expect(this.api.rsvp(shift, this.api.signUp(volunteersChapter)), 201));
		String path = "/api/shifts/" + shift + "/signups/" + signup.get("id").asString();

		assertThat(this.api.call(HttpMethod.POST, path + "/confirm", TestTokens.chapter(volunteersChapter), null))
			.hasStatus(200);
		assertThat(this.api.call(HttpMethod.DELETE, path, TestTokens.chapter(volunteersChapter), null)).hasStatus(200);
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
		assertThat(call(method, path, token, null)).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	/**
	 * Calls the endpoint on fresh opportunities of the chapter at stake: those its path
	 * names, made for this call alone ({@code {open}} for a path with {@code {open}} or
	 * {@code {shift}}, with a new volunteer's signup when it has {@code {signup}};
	 * {@code {draft}} for a path with {@code {draft}} or {@code {draftShift}}).
	 */
	private RestTestClientResponse call(HttpMethod method, String template, Credential caller, String manageToken) {
		String path = template;
		if (path.contains("{open}") || path.contains("{shift}")) {
			JsonNode open = this.api.createOpportunity(TestTokens.staff(),
					ShiftApi.opportunity(this.chapter, "MO", false, 5));
			String shift = open.get("shifts").get(0).get("id").asString();
			if (path.contains("{signup}")) {
				String signup = this.api.body(ShiftApi.expect(this.api.rsvp(shift, this.api.signUp(null)), 201))
					.get("id")
					.asString();
				path = path.replace("{signup}", signup);
			}
			path = path.replace("{open}", open.get("id").asString()).replace("{shift}", shift);
		}
		if (path.contains("{draft}") || path.contains("{draftShift}")) {
			JsonNode draft = this.api.createOpportunity(TestTokens.staff(),
					ShiftApi.opportunity(this.chapter, "MO", true, 5));
			path = path.replace("{draftShift}", draft.get("shifts").get(0).get("id").asString())
				.replace("{draft}", draft.get("id").asString());
		}
		return this.api.call(method, path, caller.token(this.chapter), body(method, path), manageToken);
	}

	private Object body(HttpMethod method, String path) {
		Instant start = Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.HOURS);
		if (path.endsWith("/capacity")) {
			return Map.of("capacity", 6);
		}
		if (path.endsWith("/attendance")) {
			return Map.of("attended", true);
		}
		if (path.endsWith("/signups") && method == HttpMethod.POST) {
			return Map.of("volunteerId", this.api.signUp(null));
		}
		if (path.endsWith("/shifts")) {
			return ShiftApi.shift(start, start.plus(Duration.ofHours(2)), 4);
		}
		if (path.equals("/api/opportunities") && method == HttpMethod.POST) {
			return ShiftApi.opportunity(this.chapter, "MO", false, 5);
		}
		return null;
	}

}
