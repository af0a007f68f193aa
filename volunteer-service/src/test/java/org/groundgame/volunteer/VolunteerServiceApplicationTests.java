package org.groundgame.volunteer;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

@VolunteerServiceIntegrationTest
class VolunteerServiceApplicationTests {

	@Autowired
	private RestTestClient client;

	@Test
	void isLiveAndReadyOverItsBrokerAndStore() {
		for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
			RestTestClientResponse response = RestTestClientResponse.from(this.client.get().uri(probe).exchange());
			assertThat(response).hasStatusOk();
			assertThat(response).bodyJson().extractingPath("$.status").isEqualTo("UP");
		}
	}

	@Test
	void describesItsApiInAnOpenApiDocumentThatNeedsNoToken() {
		RestTestClientResponse response = RestTestClientResponse.from(this.client.get().uri("/v3/api-docs").exchange());

		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson()
			.extractingPath("$.paths")
			.asMap()
			.containsOnlyKeys("/api/chapters", "/api/chapters/{id}", "/api/volunteers", "/api/volunteers/confirmations",
					"/api/volunteers/{id}", "/api/volunteers/{id}/chapter", "/api/volunteers/{id}/shifts",
					"/api/shifts/{shiftId}/rsvps", "/api/opportunities", "/api/opportunities/{id}",
					"/api/opportunities/{id}/shifts", "/api/opportunities/{id}/publish", "/api/shifts/{shiftId}",
					"/api/shifts/{shiftId}/capacity", "/api/shifts/{shiftId}/signups",
					"/api/shifts/{shiftId}/signups/{signupId}", "/api/shifts/{shiftId}/signups/{signupId}/confirm",
					"/api/shifts/{shiftId}/signups/{signupId}/attendance", "/api/opportunities/{id}/calendar.ics",
					"/api/volunteers/{id}/calendar.ics", "/api/volunteers/{id}/hours", "/api/leaderboards/volunteers",
					"/api/leaderboards/chapters", "/api/audit/volunteer-service/entries",
					"/api/audit/volunteer-service/verify", "/api/opportunities/{id}/cancel",
					"/api/shifts/{shiftId}/cancel", "/api/shifts/{shiftId}/reschedule",
					"/api/shifts/{shiftId}/walk-ins", "/api/volunteers/{id}/history", "/api/opportunities/effort",
					"/api/opportunities/effort/endorsements");
		// Public operations need no token; registering needs the platform's (the
		// default).
		assertThat(response).bodyJson().extractingPath("$.paths['/api/chapters'].get.security").asArray().isEmpty();
		assertThat(response).bodyJson()
			.extractingPath("$.paths['/api/chapters/{id}'].get.security")
			.asArray()
			.isEmpty();
		assertThat(response).bodyJson().doesNotHavePath("$.paths['/api/chapters'].post.security");
		assertThat(response).bodyJson().extractingPath("$.paths['/api/volunteers'].post.security").asArray().isEmpty();
		assertThat(response).bodyJson().doesNotHavePath("$.paths['/api/volunteers'].get.security");
		for (String publicOperation : new String[] { "['/api/volunteers/confirmations'].post",
				"['/api/volunteers/confirmations'].delete", "['/api/shifts/{shiftId}/rsvps'].post",
				"['/api/volunteers/{id}/shifts'].get", "['/api/opportunities'].get", "['/api/opportunities/{id}'].get",
				"['/api/opportunities/{id}/calendar.ics'].get", "['/api/shifts/{shiftId}'].get",
				"['/api/shifts/{shiftId}/signups'].post", "['/api/leaderboards/chapters'].get" }) {
			assertThat(response).bodyJson()
				.extractingPath("$.paths" + publicOperation + ".security")
				.as(publicOperation)
				.asArray()
				.isEmpty();
		}
		assertThat(response).bodyJson().doesNotHavePath("$.paths['/api/opportunities'].post.security");
		assertThat(response).bodyJson().doesNotHavePath("$.paths['/api/opportunities/effort'].get.security");
		assertThat(response).bodyJson()
			.extractingPath("$.paths['/api/opportunities/effort/endorsements'].get.parameters[*].name")
			.asArray()
			.containsExactly("endorsementId");
		assertThat(response).bodyJson().doesNotHavePath("$.paths['/api/leaderboards/volunteers'].get.security");
		// The organizers' operations need the platform's token (the default).
		for (String organizers : new String[] { "['/api/opportunities/{id}'].put",
				"['/api/opportunities/{id}/cancel'].post", "['/api/shifts/{shiftId}/cancel'].post",
				"['/api/shifts/{shiftId}/reschedule'].post", "['/api/shifts/{shiftId}/walk-ins'].post",
				"['/api/volunteers/{id}/history'].get" }) {
			assertThat(response).bodyJson().hasPath("$.paths" + organizers);
			assertThat(response).bodyJson().doesNotHavePath("$.paths" + organizers + ".security");
		}
		assertThat(response).bodyJson().extractingPath("$.security[0]").asMap().containsOnlyKeys("oauth2");
	}

	@Test
	void exposesTheChaptersRegisteredCounterToPrometheus() {
		RestTestClientResponse response = RestTestClientResponse
			.from(this.client.get().uri("/actuator/prometheus").exchange());

		assertThat(response).hasStatus(HttpStatus.OK);
		assertThat(response).bodyText()
			.containsPattern("groundgame_volunteer_chapters_registered_total\\{application=\"volunteer-service\"}");
	}

}
