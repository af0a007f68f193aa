package org.groundgame.volunteer.opportunity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.groundgame.events.EventCatalog;
import org.groundgame.support.cloudevents.EventJson;
import org.groundgame.support.personaldata.PersonalDataProtection;
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
 * What the opportunities' integration tests do over HTTP, as clients do, and the events
 * they read back from the volunteer topic.
 */
final class ShiftApi {

	static final String TOPIC = "groundgame.volunteer.events";

	static final String EVENT_TYPE = "org.groundgame.volunteer.%s.v1";

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

	ShiftApi(RestTestClient client) {
		this.client = client;
	}

	String registerChapter(String state) {
		JsonNode chapter = body(expect(call(HttpMethod.POST, "/api/chapters", TestTokens.staff(),
				Map.of("name", "Shift Test " + UUID.randomUUID(), "state", state, "city", "Columbia", "contactEmail",
						"chapter@example.org")),
				201));
		return chapter.get("id").asString();
	}

	/**
	 * A volunteer signed up by staff (whose answer names the id, as the public's does
	 * not).
	 */
	String signUp(String chapterId) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Shift Volunteer");
		body.put("email", "shift-" + UUID.randomUUID() + "@example.org");
		if (chapterId != null) {
			body.put("chapterId", chapterId);
		}
		return body(expect(call(HttpMethod.POST, "/api/volunteers", TestTokens.staff(), body), 201)).get("id")
			.asString();
	}

	/**
	 * The key a volunteer was e-mailed on their first sign-up: the token of the link in
	 * their {@code VolunteerLinkIssued}, as the e-mail carries it.
	 */
	static String keyOf(TopicEvents events, String volunteerId) {
		String link = events.awaitEvents(volunteerId, "VolunteerLinkIssued", 1).get(0).text("manageUrl");
		assertThat(link).contains("#token=");
		return link.substring(link.indexOf("#token=") + "#token=".length());
	}

	/** An opportunity body with one shift per capacity, starting in three days. */
	static Map<String, Object> opportunity(String chapterId, String state, boolean draft, int... capacities) {
		Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
		List<Map<String, Object>> shifts = new ArrayList<>();
		for (int capacity : capacities) {
			shifts.add(shift(start, start.plus(Duration.ofHours(3)), capacity));
		}
		Map<String, Object> body = new HashMap<>();
		body.put("title", "Canvass for Sarah Unsicker");
		body.put("type", "CANVASS");
		body.put("state", state);
		if (chapterId != null) {
			body.put("chapterId", chapterId);
		}
		body.put("location", "Tower Grove Park, St. Louis");
		body.put("draft", draft);
		body.put("shifts", shifts);
		return body;
	}

	static Map<String, Object> shift(Instant startsAt, Instant endsAt, int capacity) {
		Map<String, Object> shift = new HashMap<>();
		shift.put("startsAt", startsAt.toString());
		shift.put("endsAt", endsAt.toString());
		shift.put("capacity", capacity);
		return shift;
	}

	JsonNode createOpportunity(String token, Map<String, Object> body) {
		return body(expect(call(HttpMethod.POST, "/api/opportunities", token, body), 201));
	}

	/**
	 * Creates an open opportunity of the chapter with one shift, and answers the shift
	 * id.
	 */
	String openShift(String chapterId, int capacity) {
		return createOpportunity(TestTokens.staff(), opportunity(chapterId, "MO", false, capacity)).get("shifts")
			.get(0)
			.get("id")
			.asString();
	}

	/** An RSVP made by staff for a volunteer. */
	RestTestClientResponse rsvp(String shiftId, String volunteerId) {
		return call(HttpMethod.POST, "/api/shifts/" + shiftId + "/signups", TestTokens.staff(),
				Map.of("volunteerId", volunteerId));
	}

	/**
	 * An RSVP with no bearer token, with a manage token (the volunteer's key) or none.
	 */
	RestTestClientResponse rsvpWithKey(String shiftId, String volunteerId, String key) {
		return call(HttpMethod.POST, "/api/shifts/" + shiftId + "/signups", null, Map.of("volunteerId", volunteerId),
				key);
	}

	JsonNode roster(String shiftId) {
		return body(expect(
				call(HttpMethod.GET, "/api/shifts/" + shiftId + "/signups?size=1000", TestTokens.staff(), null), 200));
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
