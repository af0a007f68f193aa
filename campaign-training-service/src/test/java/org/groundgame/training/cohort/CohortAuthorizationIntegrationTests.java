package org.groundgame.training.cohort;

import java.util.List;
import java.util.stream.Stream;

import org.groundgame.test.security.Credential;
import org.groundgame.training.CampaignTrainingServiceIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
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
@CampaignTrainingServiceIntegrationTest
class CohortAuthorizationIntegrationTests {

	private static final List<String> ENDPOINTS = List.of("GET /api/training/cohorts");

	/** No cohort belongs to a chapter: "own" and "other" are just two chapters. */
	private static final String CHAPTER = "mobilize-missouri";

	@Autowired
	private RestTestClient client;

	@ParameterizedTest(name = "{0} {1} as {2}: {3}")
	@CsvSource(delimiter = '|', textBlock = """
			GET  | /api/training/cohorts  | ANONYMOUS     | 200
			GET  | /api/training/cohorts  | STAFF         | 200
			GET  | /api/training/cohorts  | OWN_CHAPTER   | 200
			GET  | /api/training/cohorts  | OTHER_CHAPTER | 200
			GET  | /api/training/cohorts  | NO_ROLE       | 200
			GET  | /api/training/pipeline | ANONYMOUS     | 401
			POST | /api/training/cohorts  | ANONYMOUS     | 401
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

	private RestTestClientResponse call(HttpMethod method, String path, Credential caller) {
		RequestBodySpec request = this.client.method(method).uri(path);
		String token = caller.token(CHAPTER);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return RestTestClientResponse.from(request.exchange());
	}

}
