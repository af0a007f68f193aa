package org.groundgame.web.console.school;

import java.util.List;
import java.util.Map;

import org.groundgame.web.api.PageOf;
import org.groundgame.web.console.ConsoleApis;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * campaign-training-service's API as the school's staff call it from the console, with
 * their own token: the service decides what they may read and change.
 */
@Component
class SchoolApi {

	static final int PAGE_SIZE = 20;

	private static final ParameterizedTypeReference<PageOf<StaffCohort>> COHORT_PAGE = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Trainee>> ROSTER = new ParameterizedTypeReference<>() {
	};

	private final ConsoleApis apis;

	SchoolApi(ConsoleApis apis) {
		this.apis = apis;
	}

	PageOf<StaffCohort> cohorts(String track, int page) {
		return training().get().uri((uri) -> {
			uri.path("/api/training/cohorts").queryParam("page", page).queryParam("size", PAGE_SIZE);
			if (track != null) {
				uri.queryParam("track", track);
			}
			return uri.build();
		}).retrieve().body(COHORT_PAGE);
	}

	StaffCohort cohort(String id) {
		return training().get().uri("/api/training/cohorts/{id}", id).retrieve().body(StaffCohort.class);
	}

	StaffCohort open(Map<String, Object> cohort) {
		return training().post()
			.uri("/api/training/cohorts")
			.contentType(MediaType.APPLICATION_JSON)
			.body(cohort)
			.retrieve()
			.body(StaffCohort.class);
	}

	void changeCapacity(String id, Integer capacity) {
		java.util.Map<String, Object> body = new java.util.HashMap<>();
		body.put("capacity", capacity);
		training().put()
			.uri("/api/training/cohorts/{id}/capacity", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toBodilessEntity();
	}

	List<Trainee> roster(String cohortId) {
		return training().get().uri("/api/training/cohorts/{id}/enrollments", cohortId).retrieve().body(ROSTER);
	}

	void enroll(String enrollmentId, String reason) {
		java.util.Map<String, Object> body = new java.util.HashMap<>();
		body.put("reason", reason);
		training().post()
			.uri("/api/training/enrollments/{id}/enroll", enrollmentId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toBodilessEntity();
	}

	void recordAttendance(String cohortId, int session, List<String> present) {
		training().put()
			.uri("/api/training/cohorts/{id}/sessions/{session}/attendance", cohortId, session)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("present", present))
			.retrieve()
			.toBodilessEntity();
	}

	void complete(String cohortId) {
		training().post().uri("/api/training/cohorts/{id}/completion", cohortId).retrieve().toBodilessEntity();
	}

	Pipeline pipeline() {
		return training().get().uri("/api/training/pipeline").retrieve().body(Pipeline.class);
	}

	List<Pipeline.Graduate> graduates(String cohortId, String track) {
		Pipeline.Graduates graduates = training().get().uri((uri) -> {
			uri.path("/api/training/pipeline/graduates");
			if (cohortId != null) {
				uri.queryParam("cohortId", cohortId);
			}
			if (track != null) {
				uri.queryParam("track", track);
			}
			return uri.build();
		}).retrieve().body(Pipeline.Graduates.class);
		return (graduates != null) ? graduates.graduates() : List.of();
	}

	private RestClient training() {
		return this.apis.training();
	}

}
