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
		assertThat(response).bodyJson().extractingPath("$.paths").asMap().containsOnlyKeys("/api/training/cohorts");
		// The list of cohorts is public: it needs no token, unlike the default.
		assertThat(response).bodyJson()
			.extractingPath("$.paths['/api/training/cohorts'].get.security")
			.asArray()
			.isEmpty();
		assertThat(response).bodyJson().extractingPath("$.security[0]").asMap().containsOnlyKeys("oauth2");
	}

}
