package org.groundgame.endorsement.nomination;

import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.endorsement.EndorsementServiceIntegrationTest;
import org.groundgame.endorsement.NominationApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators and integrators see without a token: business metrics, health, build
 * information and the OpenAPI document.
 */
@EndorsementServiceIntegrationTest
class OperationsTests {

	@Autowired
	RestTestClient client;

	@Autowired
	MeterRegistry meters;

	double pending() {
		return this.meters.get(NominationMetrics.PENDING).gauge().value();
	}

	double granted() {
		return this.meters.get(NominationMetrics.GRANTED).counter().count();
	}

	@Test
	void pendingNominationsAndGrantedEndorsementsAreCounted() {
		NominationApi api = new NominationApi(this.client);
		double pendingBefore = pending();
		double grantedBefore = granted();

		String endorsed = api.submit(NominationApi.nominationIn("OH")).get("id").asString();
		String reviewed = api.submit(NominationApi.nominationIn("OH")).get("id").asString();
		api.review(reviewed, "Dana Staff");
		assertThat(pending()).isEqualTo(pendingBefore + 2);

		api.decide(endorsed, "ENDORSE", HttpStatus.OK);
		api.decide(reviewed, "DECLINE", HttpStatus.OK);
		assertThat(pending()).isEqualTo(pendingBefore);
		assertThat(granted()).isEqualTo(grantedBefore + 1);

		String scrape = api.anonymous().getText("/actuator/prometheus");
		assertThat(scrape).contains("groundgame_endorsement_nominations_pending{application=\"endorsement-service\"")
			.contains("groundgame_endorsement_endorsements_granted_total{application=\"endorsement-service\"");
	}

	@Test
	void serviceIsLiveAndReadyAndTellsItsBuild() {
		NominationApi api = new NominationApi(this.client).anonymous();

		assertThat(api.get("/actuator/health/liveness", HttpStatus.OK).get("status").asString()).isEqualTo("UP");
		assertThat(api.get("/actuator/health/readiness", HttpStatus.OK).get("status").asString()).isEqualTo("UP");
		JsonNode info = api.get("/actuator/info", HttpStatus.OK);
		assertThat(info.get("build").get("artifact").asString()).isEqualTo("endorsement-service");
	}

	@Test
	void openApiDocumentDescribesTheEndpointsAndHowToAuthenticate() {
		JsonNode document = new NominationApi(this.client).anonymous().get("/v3/api-docs", HttpStatus.OK);

		assertThat(document.get("paths").propertyNames()).contains("/api/nominations", "/api/nominations/{id}",
				"/api/nominations/{id}/review", "/api/nominations/{id}/decision", "/api/endorsements",
				"/api/endorsements/{id}", "/api/endorsements/facets", "/api/questionnaire/profile",
				"/api/questionnaire/profile/photo", "/api/candidates/{candidateId}/profile",
				"/api/candidates/{candidateId}/profile/photo", "/api/candidates/{candidateId}/profile/approval",
				"/api/candidates/{candidateId}/photo");
		assertThat(document.get("components").get("securitySchemes").has("oauth2")).isTrue();
		// The caller comes from the token, never from the request: no parameter names it.
		assertThat(document.get("paths").findValues("parameters")).flatMap(
				(parameters) -> parameters.valueStream().map((parameter) -> parameter.get("name").asString()).toList())
			.doesNotContain("caller", "role", "subject", "chapterId");
	}

}
