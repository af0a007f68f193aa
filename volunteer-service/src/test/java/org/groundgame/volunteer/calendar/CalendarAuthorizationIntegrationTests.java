package org.groundgame.volunteer.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.groundgame.test.security.Credential;
import org.groundgame.volunteer.VolunteerServiceIntegrationTest;
import org.groundgame.volunteer.hours.Organizers;
import org.groundgame.volunteer.hours.StoredShifts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.RequestHeadersSpec;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may read the calendar feeds, asked of the service itself: every feed for every kind
 * of caller, with and without the volunteer's feed token.
 */
@VolunteerServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class CalendarAuthorizationIntegrationTests {

	private static final List<String> ENDPOINTS = List.of("/api/opportunities/{open}/calendar.ics",
			"/api/opportunities/{draft}/calendar.ics", "/api/volunteers/{volunteer}/calendar.ics",
			"/api/volunteers/{volunteer}/calendar.ics?token={token}");

	@Autowired
	private RestTestClient client;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private FeedTokens tokens;

	private String chapter;

	private String volunteer;

	private String open;

	private String draft;

	@BeforeAll
	void aChapterWithAVolunteerAndOpportunities() {
		Organizers organizers = new Organizers(this.client);
		this.chapter = organizers.chapter("Calendar Authorization", "MO");
		this.volunteer = organizers.volunteer("Authorization Volunteer", this.chapter);
		StoredShifts stored = new StoredShifts(this.mongo);
		this.open = stored.opportunity("OPEN", this.chapter, "Canvass", null);
		this.draft = stored.opportunity("DRAFT", this.chapter, "Volunteer team", null);
		stored.shift(this.open, Instant.parse("2026-12-05T15:00:00Z"), Duration.ofHours(2))
			.signup(this.volunteer, this.chapter, "REGISTERED", null)
			.store();
	}

	@ParameterizedTest(name = "GET {0} as {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/opportunities/{open}/calendar.ics                 | ANONYMOUS      | 200
			/api/opportunities/{open}/calendar.ics                 | STAFF          | 200
			/api/opportunities/{open}/calendar.ics                 | OTHER_CHAPTER  | 200
			/api/opportunities/{open}/calendar.ics                 | NO_ROLE        | 200
			/api/opportunities/{open}/calendar.ics                 | TRAINING_STAFF | 200
			/api/opportunities/{draft}/calendar.ics                | ANONYMOUS      | 404
			/api/opportunities/{draft}/calendar.ics                | STAFF          | 200
			/api/opportunities/{draft}/calendar.ics                | OWN_CHAPTER    | 200
			/api/opportunities/{draft}/calendar.ics                | OTHER_CHAPTER  | 404
			/api/opportunities/{draft}/calendar.ics                | NO_ROLE        | 404
			/api/opportunities/{draft}/calendar.ics                | TRAINING_STAFF | 404
			/api/opportunities/unknown/calendar.ics                | STAFF          | 404
			/api/volunteers/{volunteer}/calendar.ics               | ANONYMOUS      | 401
			/api/volunteers/{volunteer}/calendar.ics               | STAFF          | 200
			/api/volunteers/{volunteer}/calendar.ics               | OWN_CHAPTER    | 200
			/api/volunteers/{volunteer}/calendar.ics               | OTHER_CHAPTER  | 403
			/api/volunteers/{volunteer}/calendar.ics               | NO_ROLE        | 403
			/api/volunteers/{volunteer}/calendar.ics               | TRAINING_STAFF | 403
			/api/volunteers/{volunteer}/calendar.ics?token={token} | ANONYMOUS      | 200
			/api/volunteers/{volunteer}/calendar.ics?token={token} | OTHER_CHAPTER  | 200
			/api/volunteers/{volunteer}/calendar.ics?token=forged  | ANONYMOUS      | 403
			/api/volunteers/{volunteer}/calendar.ics?token=forged  | OTHER_CHAPTER  | 403
			/api/volunteers/{volunteer}/calendar.ics?token=forged  | STAFF          | 200
			/api/volunteers/{volunteer}/calendar.ics?token=forged  | TRAINING_STAFF | 403
			/api/volunteers/unknown/calendar.ics                   | STAFF          | 404
			""")
	void eachCallerGetsWhatItsRoleChapterAndTokenAllow(String path, Credential caller, int status) {
		RestTestClientResponse response = get(path, caller);

		assertThat(response).hasStatus(status);
		if (status >= 400) {
			assertThat(response).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		else {
			assertThat(response).hasContentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"));
		}
	}

	static Stream<Arguments> everyFeedWithEveryRefusedToken() {
		return ENDPOINTS.stream()
			.flatMap((endpoint) -> Credential.REFUSED.stream().map((token) -> Arguments.of(endpoint, token)));
	}

	@ParameterizedTest(name = "GET {0} with {1}: 401")
	@MethodSource("everyFeedWithEveryRefusedToken")
	void aBadBearerTokenIsRefusedEvenWhereNoneIsNeeded(String path, Credential token) {
		assertThat(get(path, token)).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private RestTestClientResponse get(String path, Credential caller) {
		RequestHeadersSpec<?> request = this.client.get()
			.uri(path.replace("{open}", this.open)
				.replace("{draft}", this.draft)
				.replace("{volunteer}", this.volunteer)
				.replace("{token}", this.tokens.tokenFor(this.volunteer)));
		String token = caller.token(this.chapter);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return RestTestClientResponse.from(request.exchange());
	}

}
