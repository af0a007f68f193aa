package org.groundgame.volunteer.hours;

import java.util.List;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.RequestHeadersSpec;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may read hours and leaderboards, asked of the service itself: every endpoint for
 * every kind of caller, on a volunteer of the chapter at stake.
 */
@VolunteerServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class HoursAuthorizationIntegrationTests {

	private static final List<String> ENDPOINTS = List.of("/api/volunteers/{volunteer}/hours",
			"/api/leaderboards/volunteers", "/api/leaderboards/chapters");

	@Autowired
	private RestTestClient client;

	private String chapter;

	private String volunteer;

	@BeforeAll
	void aChapterWithAVolunteer() {
		Organizers organizers = new Organizers(this.client);
		this.chapter = organizers.chapter("Hours Authorization", "MO");
		this.volunteer = organizers.volunteer("Authorization Volunteer", this.chapter);
	}

	@ParameterizedTest(name = "GET {0} as {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			/api/volunteers/{volunteer}/hours                   | ANONYMOUS      | 401
			/api/volunteers/{volunteer}/hours                   | STAFF          | 200
			/api/volunteers/{volunteer}/hours                   | OWN_CHAPTER    | 200
			/api/volunteers/{volunteer}/hours                   | OTHER_CHAPTER  | 403
			/api/volunteers/{volunteer}/hours                   | NO_ROLE        | 403
			/api/volunteers/{volunteer}/hours                   | TRAINING_STAFF | 403
			/api/volunteers/unknown/hours                       | STAFF          | 404
			/api/leaderboards/volunteers                        | ANONYMOUS      | 401
			/api/leaderboards/volunteers                        | STAFF          | 200
			/api/leaderboards/volunteers                        | OWN_CHAPTER    | 200
			/api/leaderboards/volunteers                        | OTHER_CHAPTER  | 200
			/api/leaderboards/volunteers                        | NO_ROLE        | 403
			/api/leaderboards/volunteers                        | TRAINING_STAFF | 403
			/api/leaderboards/volunteers?chapterId={chapter}    | STAFF          | 200
			/api/leaderboards/volunteers?chapterId={chapter}    | OWN_CHAPTER    | 200
			/api/leaderboards/volunteers?chapterId={chapter}    | OTHER_CHAPTER  | 403
			/api/leaderboards/volunteers?chapterId={chapter}    | NO_ROLE        | 403
			/api/leaderboards/volunteers?chapterId={chapter}    | TRAINING_STAFF | 403
			/api/leaderboards/chapters                          | ANONYMOUS      | 200
			/api/leaderboards/chapters                          | STAFF          | 200
			/api/leaderboards/chapters                          | OWN_CHAPTER    | 200
			/api/leaderboards/chapters                          | OTHER_CHAPTER  | 200
			/api/leaderboards/chapters                          | NO_ROLE        | 200
			/api/leaderboards/chapters                          | TRAINING_STAFF | 200
			""")
	void eachCallerGetsWhatItsRoleAndChapterAllow(String path, Credential caller, int status) {
		RestTestClientResponse response = get(path, caller);

		assertThat(response).hasStatus(status);
		if (status >= 400) {
			assertThat(response).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	static Stream<Arguments> everyEndpointWithEveryRefusedToken() {
		return ENDPOINTS.stream()
			.flatMap((endpoint) -> Credential.REFUSED.stream().map((token) -> Arguments.of(endpoint, token)));
	}

	@ParameterizedTest(name = "GET {0} with {1}: 401")
	@MethodSource("everyEndpointWithEveryRefusedToken")
	void aBadTokenIsRefusedEvenWhereNoTokenIsNeeded(String path, Credential token) {
		assertThat(get(path, token)).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private RestTestClientResponse get(String path, Credential caller) {
		RequestHeadersSpec<?> request = this.client.get()
			.uri(path.replace("{volunteer}", this.volunteer).replace("{chapter}", this.chapter));
		String token = caller.token(this.chapter);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return RestTestClientResponse.from(request.exchange());
	}

}
