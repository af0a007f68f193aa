package org.groundgame.training.cohort;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.test.events.TopicEvents;
import org.groundgame.test.security.Credential;
import org.groundgame.training.CampaignTrainingServiceIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
 * front of it: every endpoint for every kind of caller, with the status each gets. The
 * enrollment is one with a seat, asked about without its manage token; the cohort's
 * sessions are ahead, so staff taking attendance or completing it are told it is too
 * early (409), past the authorization.
 */
@CampaignTrainingServiceIntegrationTest
class CohortAuthorizationIntegrationTests {

	private static final List<String> ENDPOINTS = List.of("GET /api/training/cohorts", "POST /api/training/cohorts",
			"PUT /api/training/cohorts/{cohort}/capacity", "POST /api/training/cohorts/{cohort}/applications",
			"GET /api/training/enrollments/{enrollment}", "POST /api/training/enrollments/{enrollment}/withdraw",
			"POST /api/training/enrollments/{enrollment}/accept-offer",
			"POST /api/training/enrollments/{enrollment}/decline-offer",
			"POST /api/training/enrollments/{enrollment}/enroll", "DELETE /api/training/enrollments/{enrollment}",
			"GET /api/training/cohorts/{cohort}/enrollments",
			"PUT /api/training/cohorts/{cohort}/sessions/1/attendance",
			"POST /api/training/cohorts/{cohort}/completion", "GET /api/training/pipeline",
			"GET /api/training/pipeline/graduates", "GET /api/training/cohorts/{cohort}",
			"POST /api/training/cohort-alerts", "GET /api/training/cohort-alerts", "DELETE /api/training/cohort-alerts",
			"GET /api/training/ladder", "GET /api/training/ladder/people?email=someone@example.org");

	/** No cohort belongs to a chapter: "own" and "other" are just two chapters. */
	private static final String CHAPTER = "mobilize-missouri";

	@Autowired
	private PersonalDataProtection protection;

	@Autowired
	private RestTestClient client;

	private String cohortId;

	private String enrollmentId;

	/**
	 * One reader of the topic for every case: each case's cohort is its own key, and a
	 * reader per case would join a group and read the topic from its start again.
	 */
	private static @Nullable TopicEvents mail;

	@BeforeEach
	void openACohortWithOneTraineeSeated() {
		if (mail == null) {
			mail = TrainingApi.events(this.protection);
		}
		TrainingApi api = new TrainingApi(this.client);
		this.cohortId = api.openCohort(5).get("id").asString();
		this.enrollmentId = api.applied(mail, this.cohortId, "seated-" + UUID.randomUUID() + "@example.org")
			.get("id")
			.asString();
	}

	@AfterAll
	static void closeTheReader() {
		if (mail != null) {
			mail.close();
			mail = null;
		}
	}

	@ParameterizedTest(name = "{0} {1} as {2}: {3}")
	@CsvSource(delimiter = '|', textBlock = """
			GET  | /api/training/cohorts                                  | ANONYMOUS      | 200
			GET  | /api/training/cohorts                                  | STAFF          | 200
			GET  | /api/training/cohorts                                  | TRAINING_STAFF | 200
			GET  | /api/training/cohorts                                  | OWN_CHAPTER    | 200
			GET  | /api/training/cohorts                                  | OTHER_CHAPTER  | 200
			GET  | /api/training/cohorts                                  | NO_ROLE        | 200
			POST | /api/training/cohorts                                  | ANONYMOUS      | 401
			POST | /api/training/cohorts                                  | STAFF          | 201
			POST | /api/training/cohorts                                  | TRAINING_STAFF | 201
			POST | /api/training/cohorts                                  | OWN_CHAPTER    | 403
			POST | /api/training/cohorts                                  | NO_ROLE        | 403
			PUT  | /api/training/cohorts/{cohort}/capacity                | ANONYMOUS      | 401
			PUT  | /api/training/cohorts/{cohort}/capacity                | STAFF          | 200
			PUT  | /api/training/cohorts/{cohort}/capacity                | TRAINING_STAFF | 200
			PUT  | /api/training/cohorts/{cohort}/capacity                | OWN_CHAPTER    | 403
			PUT  | /api/training/cohorts/{cohort}/capacity                | NO_ROLE        | 403
			POST | /api/training/cohorts/{cohort}/applications            | ANONYMOUS      | 202
			POST | /api/training/cohorts/{cohort}/applications            | STAFF          | 202
			POST | /api/training/cohorts/{cohort}/applications            | TRAINING_STAFF | 202
			POST | /api/training/cohorts/{cohort}/applications            | OTHER_CHAPTER  | 202
			GET  | /api/training/enrollments/{enrollment}                 | ANONYMOUS      | 401
			GET  | /api/training/enrollments/{enrollment}                 | STAFF          | 200
			GET  | /api/training/enrollments/{enrollment}                 | TRAINING_STAFF | 200
			GET  | /api/training/enrollments/{enrollment}                 | OWN_CHAPTER    | 403
			GET  | /api/training/enrollments/{enrollment}                 | OTHER_CHAPTER  | 403
			GET  | /api/training/enrollments/{enrollment}                 | NO_ROLE        | 403
			POST | /api/training/enrollments/{enrollment}/withdraw        | ANONYMOUS      | 401
			POST | /api/training/enrollments/{enrollment}/withdraw        | OWN_CHAPTER    | 403
			POST | /api/training/enrollments/{enrollment}/withdraw        | STAFF          | 200
			POST | /api/training/enrollments/{enrollment}/withdraw        | TRAINING_STAFF | 200
			POST | /api/training/enrollments/{enrollment}/accept-offer    | ANONYMOUS      | 401
			POST | /api/training/enrollments/{enrollment}/accept-offer    | OWN_CHAPTER    | 403
			POST | /api/training/enrollments/{enrollment}/accept-offer    | STAFF          | 409
			POST | /api/training/enrollments/{enrollment}/accept-offer    | TRAINING_STAFF | 409
			POST | /api/training/enrollments/{enrollment}/decline-offer   | ANONYMOUS      | 401
			POST | /api/training/enrollments/{enrollment}/decline-offer   | OTHER_CHAPTER  | 403
			POST | /api/training/enrollments/{enrollment}/decline-offer   | STAFF          | 409
			POST | /api/training/enrollments/{enrollment}/decline-offer   | TRAINING_STAFF | 409
			POST | /api/training/enrollments/{enrollment}/enroll          | ANONYMOUS      | 401
			POST | /api/training/enrollments/{enrollment}/enroll          | OWN_CHAPTER    | 403
			POST | /api/training/enrollments/{enrollment}/enroll          | NO_ROLE        | 403
			POST | /api/training/enrollments/{enrollment}/enroll          | STAFF          | 409
			POST | /api/training/enrollments/{enrollment}/enroll          | TRAINING_STAFF | 409
			GET  | /api/training/pipeline                                 | ANONYMOUS      | 401
			GET  | /api/training/pipeline                                 | STAFF          | 200
			GET  | /api/training/pipeline                                 | TRAINING_STAFF | 200
			GET  | /api/training/pipeline                                 | OWN_CHAPTER    | 403
			GET  | /api/training/pipeline                                 | NO_ROLE        | 403
			GET  | /api/training/pipeline/graduates                       | ANONYMOUS      | 401
			GET  | /api/training/pipeline/graduates                       | STAFF          | 200
			GET  | /api/training/pipeline/graduates                       | TRAINING_STAFF | 200
			GET  | /api/training/pipeline/graduates                       | OWN_CHAPTER    | 403
			GET  | /api/training/pipeline/graduates                       | NO_ROLE        | 403
			GET  | /api/training/cohorts/{cohort}/enrollments             | ANONYMOUS      | 401
			GET  | /api/training/cohorts/{cohort}/enrollments             | STAFF          | 200
			GET  | /api/training/cohorts/{cohort}/enrollments             | TRAINING_STAFF | 200
			GET  | /api/training/cohorts/{cohort}/enrollments             | OWN_CHAPTER    | 200
			GET  | /api/training/cohorts/{cohort}/enrollments             | NO_ROLE        | 403
			PUT  | /api/training/cohorts/{cohort}/sessions/1/attendance   | ANONYMOUS      | 401
			PUT  | /api/training/cohorts/{cohort}/sessions/1/attendance   | OWN_CHAPTER    | 403
			PUT  | /api/training/cohorts/{cohort}/sessions/1/attendance   | NO_ROLE        | 403
			PUT  | /api/training/cohorts/{cohort}/sessions/1/attendance   | STAFF          | 409
			PUT  | /api/training/cohorts/{cohort}/sessions/1/attendance   | TRAINING_STAFF | 409
			POST | /api/training/cohorts/{cohort}/completion              | ANONYMOUS      | 401
			POST | /api/training/cohorts/{cohort}/completion              | OTHER_CHAPTER  | 403
			POST | /api/training/cohorts/{cohort}/completion              | STAFF          | 409
			POST | /api/training/cohorts/{cohort}/completion              | TRAINING_STAFF | 409
			DELETE | /api/training/enrollments/{enrollment}               | ANONYMOUS      | 401
			DELETE | /api/training/enrollments/{enrollment}               | OWN_CHAPTER    | 403
			DELETE | /api/training/enrollments/{enrollment}               | NO_ROLE        | 403
			DELETE | /api/training/enrollments/{enrollment}               | STAFF          | 204
			DELETE | /api/training/enrollments/{enrollment}               | TRAINING_STAFF | 204
			GET  | /api/training/cohorts/{cohort}                         | ANONYMOUS      | 200
			GET  | /api/training/cohorts/{cohort}                         | STAFF          | 200
			GET  | /api/training/cohorts/{cohort}                         | TRAINING_STAFF | 200
			GET  | /api/training/cohorts/{cohort}                         | OTHER_CHAPTER  | 200
			POST | /api/training/cohort-alerts                            | ANONYMOUS      | 202
			POST | /api/training/cohort-alerts                            | STAFF          | 202
			POST | /api/training/cohort-alerts                            | TRAINING_STAFF | 202
			POST | /api/training/cohort-alerts                            | OWN_CHAPTER    | 202
			GET  | /api/training/cohort-alerts                            | ANONYMOUS      | 400
			GET  | /api/training/cohort-alerts                            | STAFF          | 400
			GET  | /api/training/cohort-alerts                            | TRAINING_STAFF | 400
			DELETE | /api/training/cohort-alerts                          | ANONYMOUS      | 400
			DELETE | /api/training/cohort-alerts                          | STAFF          | 400
			DELETE | /api/training/cohort-alerts                          | TRAINING_STAFF | 400
			GET  | /api/training/ladder                                   | ANONYMOUS      | 401
			GET  | /api/training/ladder                                   | STAFF          | 200
			GET  | /api/training/ladder                                   | TRAINING_STAFF | 200
			GET  | /api/training/ladder                                   | OWN_CHAPTER    | 200
			GET  | /api/training/ladder                                   | OTHER_CHAPTER  | 200
			GET  | /api/training/ladder                                   | NO_ROLE        | 403
			GET  | /api/training/ladder?chapterId=mobilize-missouri       | OWN_CHAPTER    | 200
			GET  | /api/training/ladder?chapterId=mobilize-missouri       | OTHER_CHAPTER  | 403
			GET  | /api/training/ladder?chapterId=mobilize-missouri       | STAFF          | 200
			GET  | /api/training/ladder?chapterId=mobilize-missouri       | TRAINING_STAFF | 200
			GET  | /api/training/ladder/people?email=someone@example.org  | ANONYMOUS      | 401
			GET  | /api/training/ladder/people?email=someone@example.org  | STAFF          | 200
			GET  | /api/training/ladder/people?email=someone@example.org  | TRAINING_STAFF | 200
			GET  | /api/training/ladder/people?email=someone@example.org  | OWN_CHAPTER    | 403
			GET  | /api/training/ladder/people?email=someone@example.org  | OTHER_CHAPTER  | 403
			GET  | /api/training/ladder/people?email=someone@example.org  | NO_ROLE        | 403
			# The trainee's page is the web module's (the gateway routes it there): here
			# it is an unknown path, neither public nor served to anyone.
			GET  | /training/enrollments/{enrollment}                     | ANONYMOUS      | 401
			GET  | /training/enrollments/{enrollment}                     | STAFF          | 404
			GET  | /training/enrollments/{enrollment}                     | TRAINING_STAFF | 404
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

	private RestTestClientResponse call(HttpMethod method, String template, Credential caller) {
		String path = template.replace("{cohort}", this.cohortId).replace("{enrollment}", this.enrollmentId);
		RequestBodySpec request = this.client.method(method).uri(path);
		String token = caller.token(CHAPTER);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		Object body = body(method, template);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return RestTestClientResponse.from(request.exchange());
	}

	/** A valid body for each endpoint that takes one, so that only the caller decides. */
	private static Object body(HttpMethod method, String template) {
		if (method == HttpMethod.GET) {
			return null;
		}
		if (template.endsWith("/cohorts")) {
			return TrainingApi.cohort(5);
		}
		if (template.endsWith("/capacity")) {
			return Map.of("capacity", 6);
		}
		if (template.endsWith("/applications")) {
			return TrainingApi.application("applicant-" + UUID.randomUUID() + "@example.org");
		}
		if (template.endsWith("/enroll")) {
			return Map.of("reason", "Staff override");
		}
		if (template.endsWith("/attendance")) {
			return Map.of("present", List.of());
		}
		if (template.endsWith("/cohort-alerts") && method == HttpMethod.POST) {
			return Map.of("email", "alert-" + UUID.randomUUID() + "@example.org", "track", "ORGANIZER", "consent",
					true);
		}
		if (template.endsWith("/completion")) {
			return Map.of();
		}
		return null;
	}

}
