package org.groundgame.training.cohort;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.groundgame.events.EventCatalog;
import org.groundgame.support.cloudevents.EventJson;
import org.groundgame.support.personaldata.PersonalDataProtection;
import org.groundgame.test.events.TopicEvents;
import org.groundgame.test.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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

	/**
	 * The service's topic, read from its start, its personal data opened as a consumer
	 * opens it.
	 */
	static TopicEvents events(PersonalDataProtection protection) {
		EventJson json = new EventJson();
		return new TopicEvents(TOPIC, EVENT_TYPE,
				(type, data) -> json.tree(protection.read(data, EventCatalog.classOf(type).orElseThrow())));
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

	/**
	 * Applies as anyone would (no token), expecting the answer that tells nothing
	 * ({@code 202}, the cohort's id alone), and follows the private link the school
	 * e-mails for it, as its owner would: the link is read from the event that carries it
	 * to notification-service.
	 * @return the enrollment as the link shows it, with the link's token as
	 * {@code manageToken}
	 */
	ObjectNode applied(TopicEvents mail, String cohortId, String email) {
		return applied(mail, cohortId, application(email));
	}

	/** The same with an application of the test's making. */
	ObjectNode applied(TopicEvents mail, String cohortId, Map<String, Object> application) {
		expectReceived(call(HttpMethod.POST, "/api/training/cohorts/" + cohortId + "/applications", null, application),
				cohortId);
		return (ObjectNode) followLink(mailedLinks(mail, cohortId, (String) application.get("email"), 1).get(0));
	}

	/**
	 * Asserts the answer to an application: {@code 202} with nothing but the cohort's id.
	 */
	JsonNode expectReceived(RestTestClientResponse response, String cohortId) {
		JsonNode answer = body(expect(response, 202));
		assertThat(answer.propertyNames()).containsExactly("cohortId");
		assertThat(answer.get("cohortId").asString()).isEqualTo(cohortId);
		return answer;
	}

	/**
	 * The private links e-mailed to an address about its application to a cohort, oldest
	 * first, once there are at least that many.
	 */
	static List<String> mailedLinks(TopicEvents mail, String cohortId, String email, int atLeast) {
		String address = email.strip().toLowerCase(Locale.ROOT);
		Predicate<TopicEvents.Event> carriesLink = (event) -> address.equals(event.text("email"))
				&& event.text("manageUrl") != null;
		return mail.awaitEvents(cohortId, (events) -> events.stream().filter(carriesLink).count() >= atLeast)
			.stream()
			.filter(carriesLink)
			.map((event) -> event.text("manageUrl"))
			.toList();
	}

	/**
	 * The enrollment a private link opens, with the link's token as {@code manageToken}.
	 */
	JsonNode followLink(String link) {
		String token = tokenOf(link);
		String enrollmentId = link.substring(link.indexOf("/training/enrollments/") + "/training/enrollments/".length(),
				link.indexOf('#'));
		ObjectNode enrollment = (ObjectNode) body(
				expect(call(HttpMethod.GET, "/api/training/enrollments/" + enrollmentId, null, null, token), 200));
		return enrollment.put("manageToken", token);
	}

	static String tokenOf(String link) {
		return link.substring(link.indexOf("#token=") + "#token=".length());
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
