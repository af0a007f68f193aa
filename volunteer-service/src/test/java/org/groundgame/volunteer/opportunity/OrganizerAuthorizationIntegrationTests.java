package org.groundgame.volunteer.opportunity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call the organizers' endpoints of issue 17, asked of the service itself: each
 * for every kind of caller, training staff included (they run the school, not chapters'
 * volunteers: {@code 403}), on fresh data of the chapter at stake ({@code {open}} with
 * shift {@code {shift}}; {@code {started}}, a shift under way with a signup
 * {@code {signup}}; {@code {member}}, a member of the chapter).
 */
@VolunteerServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class OrganizerAuthorizationIntegrationTests {

	private static final List<String> ENDPOINTS = List.of("PUT /api/opportunities/{open}",
			"POST /api/opportunities/{open}/cancel", "POST /api/shifts/{shift}/cancel",
			"POST /api/shifts/{shift}/reschedule", "POST /api/shifts/{started}/walk-ins",
			"POST /api/shifts/{started}/signups/{signup}/attendance", "GET /api/shifts/{started}/signups",
			"GET /api/volunteers/{member}/history", "GET /api/volunteers?emailConsent=OPT_IN");

	/** The callers of this matrix: test-support's, and training staff. */
	enum Caller {

		ANONYMOUS, STAFF, TRAINING_STAFF, OWN_CHAPTER, OTHER_CHAPTER, NO_ROLE;

		String token(String chapter) {
			return (this == TRAINING_STAFF) ? TestTokens.token().roles("TRAINING_STAFF").build()
					: Credential.valueOf(name()).token(chapter);
		}

	}

	@Autowired
	private RestTestClient client;

	private ShiftApi api;

	private String chapter;

	@BeforeAll
	void registerTheChapterAtStake() {
		this.api = new ShiftApi(this.client);
		this.chapter = this.api.registerChapter("MO");
	}

	@ParameterizedTest(name = "{0} {1} as {2}: {3}")
	@CsvSource(delimiter = '|', textBlock = """
			PUT    | /api/opportunities/{open}                            | ANONYMOUS      | 401
			PUT    | /api/opportunities/{open}                            | STAFF          | 200
			PUT    | /api/opportunities/{open}                            | TRAINING_STAFF | 403
			PUT    | /api/opportunities/{open}                            | OWN_CHAPTER    | 200
			PUT    | /api/opportunities/{open}                            | OTHER_CHAPTER  | 403
			PUT    | /api/opportunities/{open}                            | NO_ROLE        | 403
			PUT    | /api/opportunities/unknown                           | STAFF          | 404
			POST   | /api/opportunities/{open}/cancel                     | ANONYMOUS      | 401
			POST   | /api/opportunities/{open}/cancel                     | STAFF          | 200
			POST   | /api/opportunities/{open}/cancel                     | TRAINING_STAFF | 403
			POST   | /api/opportunities/{open}/cancel                     | OWN_CHAPTER    | 200
			POST   | /api/opportunities/{open}/cancel                     | OTHER_CHAPTER  | 403
			POST   | /api/opportunities/{open}/cancel                     | NO_ROLE        | 403
			POST   | /api/opportunities/unknown/cancel                    | STAFF          | 404
			POST   | /api/shifts/{shift}/cancel                           | ANONYMOUS      | 401
			POST   | /api/shifts/{shift}/cancel                           | STAFF          | 200
			POST   | /api/shifts/{shift}/cancel                           | TRAINING_STAFF | 403
			POST   | /api/shifts/{shift}/cancel                           | OWN_CHAPTER    | 200
			POST   | /api/shifts/{shift}/cancel                           | OTHER_CHAPTER  | 403
			POST   | /api/shifts/{shift}/cancel                           | NO_ROLE        | 403
			POST   | /api/shifts/unknown/cancel                           | STAFF          | 404
			POST   | /api/shifts/{shift}/reschedule                       | ANONYMOUS      | 401
			POST   | /api/shifts/{shift}/reschedule                       | STAFF          | 200
			POST   | /api/shifts/{shift}/reschedule                       | TRAINING_STAFF | 403
			POST   | /api/shifts/{shift}/reschedule                       | OWN_CHAPTER    | 200
			POST   | /api/shifts/{shift}/reschedule                       | OTHER_CHAPTER  | 403
			POST   | /api/shifts/{shift}/reschedule                       | NO_ROLE        | 403
			POST   | /api/shifts/{started}/walk-ins                       | ANONYMOUS      | 401
			POST   | /api/shifts/{started}/walk-ins                       | STAFF          | 201
			POST   | /api/shifts/{started}/walk-ins                       | TRAINING_STAFF | 403
			POST   | /api/shifts/{started}/walk-ins                       | OWN_CHAPTER    | 201
			POST   | /api/shifts/{started}/walk-ins                       | OTHER_CHAPTER  | 403
			POST   | /api/shifts/{started}/walk-ins                       | NO_ROLE        | 403
			POST   | /api/shifts/unknown/walk-ins                         | STAFF          | 404
			POST   | /api/shifts/{started}/signups/{signup}/attendance    | ANONYMOUS      | 401
			POST   | /api/shifts/{started}/signups/{signup}/attendance    | STAFF          | 200
			POST   | /api/shifts/{started}/signups/{signup}/attendance    | TRAINING_STAFF | 403
			POST   | /api/shifts/{started}/signups/{signup}/attendance    | OWN_CHAPTER    | 200
			POST   | /api/shifts/{started}/signups/{signup}/attendance    | OTHER_CHAPTER  | 403
			POST   | /api/shifts/{started}/signups/{signup}/attendance    | NO_ROLE        | 403
			GET    | /api/shifts/{started}/signups                        | TRAINING_STAFF | 403
			GET    | /api/volunteers/{member}/history                     | ANONYMOUS      | 401
			GET    | /api/volunteers/{member}/history                     | STAFF          | 200
			GET    | /api/volunteers/{member}/history                     | TRAINING_STAFF | 403
			GET    | /api/volunteers/{member}/history                     | OWN_CHAPTER    | 200
			GET    | /api/volunteers/{member}/history                     | OTHER_CHAPTER  | 403
			GET    | /api/volunteers/{member}/history                     | NO_ROLE        | 403
			GET    | /api/volunteers/unknown/history                      | STAFF          | 404
			GET    | /api/volunteers?emailConsent=OPT_IN                  | ANONYMOUS      | 401
			GET    | /api/volunteers?emailConsent=OPT_IN                  | STAFF          | 200
			GET    | /api/volunteers?emailConsent=OPT_IN                  | TRAINING_STAFF | 403
			GET    | /api/volunteers?emailConsent=OPT_IN                  | OWN_CHAPTER    | 200
			GET    | /api/volunteers?emailConsent=OPT_IN&chapterId={own}  | OTHER_CHAPTER  | 403
			GET    | /api/volunteers?emailConsent=OPT_IN                  | NO_ROLE        | 403
			GET    | /api/leaderboards/volunteers?chapterId={own}         | TRAINING_STAFF | 403
			GET    | /api/leaderboards/volunteers?chapterId={own}         | OTHER_CHAPTER  | 403
			GET    | /api/leaderboards/volunteers?chapterId={own}         | OWN_CHAPTER    | 200
			""")
	void eachCallerGetsWhatItsRoleAndChapterAllow(HttpMethod method, String path, Caller caller, int status) {
		RestTestClientResponse response = call(method, path, caller.token(this.chapter));

		assertThat(response).hasStatus(status);
		if (status >= 400) {
			assertThat(response).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	/**
	 * A refused caller changes nothing: the shift another chapter tried to cancel, move
	 * or check a walk-in into is as it was.
	 */
	@ParameterizedTest(name = "{0} {1} refused changes nothing")
	@CsvSource(delimiter = '|', textBlock = """
			POST | /api/shifts/{started}/cancel
			POST | /api/shifts/{started}/walk-ins
			POST | /api/shifts/{started}/reschedule
			POST | /api/shifts/{started}/signups/{signup}/attendance
			""")
	void anotherChapterChangesNothing(HttpMethod method, String template) {
		String started = startedShift();
		String signup = this.api.body(ShiftApi.expect(this.api.rsvp(started, this.api.signUp(null)), 201))
			.get("id")
			.asString();
		String path = template.replace("{started}", started).replace("{signup}", signup);

		for (Caller caller : List.of(Caller.OTHER_CHAPTER, Caller.TRAINING_STAFF)) {
			assertThat(this.api.call(method, path, caller.token(this.chapter), body(path))).hasStatus(403);
		}

		JsonNode shift = this.api.body(ShiftApi
			.expect(this.api.call(HttpMethod.GET, "/api/shifts/" + started, TestTokens.staff(), null), 200));
		assertThat(shift.get("status").asString()).isEqualTo("SCHEDULED");
		JsonNode roster = this.api.roster(started).get("content");
		assertThat(roster).hasSize(1);
		assertThat(roster.get(0).get("status").asString()).isEqualTo("REGISTERED");
	}

	static Stream<Arguments> everyEndpointWithEveryRefusedToken() {
		return ENDPOINTS.stream()
			.flatMap((endpoint) -> Credential.REFUSED.stream()
				.map((token) -> Arguments.of(HttpMethod.valueOf(endpoint.split(" ")[0]), endpoint.split(" ")[1],
						token)));
	}

	@ParameterizedTest(name = "{0} {1} with {2}: 401")
	@MethodSource("everyEndpointWithEveryRefusedToken")
	void aBadTokenIsRefused(HttpMethod method, String path, Credential token) {
		assertThat(call(method, path, token.token(this.chapter))).hasStatus(401)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private RestTestClientResponse call(HttpMethod method, String template, String token) {
		JsonNode open = this.api.createOpportunity(TestTokens.staff(),
				ShiftApi.opportunity(this.chapter, "MO", false, 5));
		String started = startedShift();
		String signup = this.api.body(ShiftApi.expect(this.api.rsvp(started, this.api.signUp(null)), 201))
			.get("id")
			.asString();
		String path = template.replace("{open}", open.get("id").asString())
			.replace("{shift}", open.get("shifts").get(0).get("id").asString())
			.replace("{started}", started)
			.replace("{signup}", signup)
			.replace("{member}", this.api.signUp(this.chapter))
			.replace("{own}", this.chapter);
		return this.api.call(method, path, token, body(path));
	}

	private static Object body(String path) {
		Instant start = Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.HOURS);
		if (path.endsWith("/cancel")) {
			return Map.of("reason", "Called off");
		}
		if (path.endsWith("/reschedule")) {
			return Map.of("startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(2)).toString());
		}
		if (path.endsWith("/walk-ins")) {
			return OrganizerShiftIntegrationTests.walkIn("Walk In", "walk-" + UUID.randomUUID() + "@example.org", null);
		}
		if (path.endsWith("/attendance")) {
			return Map.of("attended", true);
		}
		if (path.startsWith("/api/opportunities/") && !path.contains("/cancel")) {
			return Map.of("title", "Edited", "type", "CANVASS", "location", "Somewhere");
		}
		return null;
	}

	private String startedShift() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Map<String, Object> body = ShiftApi.opportunity(this.chapter, "MO", false);
		body.put("shifts", List.of(ShiftApi.shift(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)), 5)));
		return this.api.createOpportunity(TestTokens.staff(), body).get("shifts").get(0).get("id").asString();
	}

}
