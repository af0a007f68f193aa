package org.groundgame.web.console.shifts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.groundgame.web.api.PageOf;
import org.groundgame.web.console.ConsoleApis;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * volunteer-service's opportunities and shifts as a chapter's organizers (or national
 * staff) call them from the console, with their own token: the service decides what they
 * may read and change.
 */
@Component
class ConsoleShiftsApi {

	private static final ParameterizedTypeReference<PageOf<Opportunity>> OPPORTUNITIES = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<PageOf<Signup>> SIGNUPS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<PageOf<Chapter>> CHAPTERS = new ParameterizedTypeReference<>() {
	};

	private final ConsoleApis apis;

	ConsoleShiftsApi(ConsoleApis apis) {
		this.apis = apis;
	}

	PageOf<Opportunity> opportunities(String chapterId, String status, int page) {
		return volunteer().get().uri((uri) -> {
			uri.path("/api/opportunities").queryParam("status", status).queryParam("page", page).queryParam("size", 50);
			if (chapterId != null) {
				uri.queryParam("chapterId", chapterId);
			}
			return uri.build();
		}).retrieve().body(OPPORTUNITIES);
	}

	List<Chapter> chapters() {
		PageOf<Chapter> chapters = volunteer().get().uri("/api/chapters?size=100").retrieve().body(CHAPTERS);
		return (chapters != null) ? chapters.content() : List.of();
	}

	Opportunity opportunity(String id) {
		return volunteer().get().uri("/api/opportunities/{id}", id).retrieve().body(Opportunity.class);
	}

	Opportunity create(Map<String, Object> body) {
		return volunteer().post()
			.uri("/api/opportunities")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(Opportunity.class);
	}

	void edit(String id, Map<String, Object> body) {
		volunteer().put()
			.uri("/api/opportunities/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toBodilessEntity();
	}

	void publish(String id) {
		volunteer().post().uri("/api/opportunities/{id}/publish", id).retrieve().toBodilessEntity();
	}

	void cancelOpportunity(String id, String reason) {
		post("/api/opportunities/{id}/cancel", id, Map.of("reason", reason));
	}

	void addShift(String opportunityId, Map<String, Object> shift) {
		post("/api/opportunities/{id}/shifts", opportunityId, shift);
	}

	Shift shift(String id) {
		return volunteer().get().uri("/api/shifts/{id}", id).retrieve().body(Shift.class);
	}

	List<Signup> roster(String shiftId) {
		PageOf<Signup> page = volunteer().get()
			.uri("/api/shifts/{id}/signups?page=0&size=1000", shiftId)
			.retrieve()
			.body(SIGNUPS);
		return (page != null) ? page.content() : List.of();
	}

	void changeCapacity(String shiftId, int capacity) {
		volunteer().put()
			.uri("/api/shifts/{id}/capacity", shiftId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("capacity", capacity))
			.retrieve()
			.toBodilessEntity();
	}

	void cancelShift(String shiftId, String reason) {
		post("/api/shifts/{id}/cancel", shiftId, Map.of("reason", reason));
	}

	void reschedule(String shiftId, Map<String, Object> body) {
		post("/api/shifts/{id}/reschedule", shiftId, body);
	}

	Signup attendance(String shiftId, String signupId, boolean attended, Double hours) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("attended", attended);
		if (hours != null) {
			body.put("hours", hours);
		}
		return volunteer().post()
			.uri("/api/shifts/{id}/signups/{signup}/attendance", shiftId, signupId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(Signup.class);
	}

	void walkIn(String shiftId, Map<String, Object> body) {
		post("/api/shifts/{id}/walk-ins", shiftId, body);
	}

	private void post(String path, String id, Object body) {
		volunteer().post()
			.uri(path, id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toBodilessEntity();
	}

	private RestClient volunteer() {
		return this.apis.volunteer();
	}

	/** A chapter, for staff choosing one. */
	public record Chapter(String id, String name, String city, String state) {

	}

}
