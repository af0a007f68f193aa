package org.groundgame.training.cohort;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.groundgame.test.events.TopicEvents;
import org.groundgame.test.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.RequestBodySpec;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the school's integration tests do over HTTP, as clients do, and the events they
 * read back from the training topic.
 */
final class TrainingApi {

	static final String TOPIC = "groundgame.training.events";

	static final String EVENT_TYPE = "org.groundgame.training.%s.v1";

	/** The service's topic, read from its start. */
	static TopicEvents events() {
		return new TopicEvents(TOPIC, EVENT_TYPE);
	}

	final JsonMapper json = JsonMapper.builder().build();

	private final RestTestClient client;

	TrainingApi(RestTestClient client) {
		this.client = client;
	}

	/**
	 * A cohort body: three weekly sessions a month from now, applications open till then.
	 */
	static Map<String, Object> cohort(int capacity) {
		LocalDate start = LocalDate.now().plusMonths(1);
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Candidate Cohort " + UUID.randomUUID());
		body.put("track", "CANDIDATE");
		body.put("sessions", List.of(start.toString(), start.plusWeeks(1).toString(), start.plusWeeks(2).toString()));
		body.put("format", "ONLINE");
		body.put("capacity", capacity);
		body.put("applicationDeadline", start.minusDays(1).toString());
		body.put("offerHours", 48);
		return body;
	}

	JsonNode openCohort(int capacity) {
		return body(expect(call(HttpMethod.POST, "/api/training/cohorts", TestTokens.staff(), cohort(capacity)), 201));
	}

	static Map<String, Object> application(String email) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Trainee");
		body.put("email", email);
		body.put("plansToRun", true);
		body.put("office", "City Council");
		return body;
	}

	RestTestClientResponse apply(String cohortId, String email) {
		return call(HttpMethod.POST, "/api/training/cohorts/" + cohortId + "/applications", null, application(email));
	}

	JsonNode enrollment(String enrollmentId) {
		return body(expect(call(HttpMethod.GET, "/api/training/enrollments/" + enrollmentId, TestTokens.staff(), null),
				200));
	}

	RestTestClientResponse call(HttpMethod method, String uri, String token, Object body) {
		return call(method, uri, token, body, null);
	}

	RestTestClientResponse call(HttpMethod method, String uri, String token, Object body, String manageToken) {
		RequestBodySpec request = this.client.method(method).uri(uri);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		if (manageToken != null) {
			request.header("X-Manage-Token", manageToken);
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return RestTestClientResponse.from(request.exchange());
	}

	static RestTestClientResponse expect(RestTestClientResponse response, int status) {
		assertThat(response).hasStatus(status);
		return response;
	}

	JsonNode body(RestTestClientResponse response) {
		return this.json.readTree(response.getExchangeResult().getResponseBodyContent());
	}

}
