package org.groundgame.training;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

@CampaignTrainingServiceIntegrationTest
class CampaignTrainingServiceApplicationTests {

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
			.containsOnlyKeys("/api/training/cohorts", "/api/training/cohorts/{cohortId}/capacity",
					"/api/training/cohorts/{cohortId}/applications", "/api/training/enrollments/{enrollmentId}",
					"/api/training/enrollments/{enrollmentId}/withdraw",
					"/api/training/enrollments/{enrollmentId}/accept-offer",
					"/api/training/enrollments/{enrollmentId}/decline-offer",
					"/api/training/enrollments/{enrollmentId}/enroll", "/api/training/cohorts/{cohortId}/enrollments",
					"/api/training/cohorts/{cohortId}/sessions/{session}/attendance",
					"/api/training/cohorts/{cohortId}/completion", "/api/training/pipeline",
					"/api/training/pipeline/graduates", "/api/audit/campaign-training-service/entries",
					"/api/audit/campaign-training-service/verify", "/api/training/cohorts/{cohortId}",
					"/api/training/cohort-alerts", "/api/training/ladder", "/api/training/ladder/people");
		// The list of cohorts and applications are public: they need no token, unlike the
		// default; an enrollment is open to its manage token.
		for (String operation : new String[] { "['/api/training/cohorts'].get",
				"['/api/training/cohorts/{cohortId}/applications'].post",
				"['/api/training/enrollments/{enrollmentId}'].get",
				"['/api/training/enrollments/{enrollmentId}/withdraw'].post",
				"['/api/training/enrollments/{enrollmentId}'].delete", "['/api/training/cohorts/{cohortId}'].get",
				"['/api/training/cohort-alerts'].post", "['/api/training/cohort-alerts'].get",
				"['/api/training/cohort-alerts'].delete" }) {
			assertThat(response).bodyJson().extractingPath("$.paths" + operation + ".security").asArray().isEmpty();
		}
		// Opening a cohort keeps the default: a token is needed.
		assertThat(response).bodyJson().doesNotHavePath("$.paths['/api/training/cohorts'].post.security");
		assertThat(response).bodyJson().extractingPath("$.security[0]").asMap().containsOnlyKeys("oauth2");
	}

}
