package org.groundgame.endtoend;

import org.groundgame.platform.LocalPlatform;
import org.groundgame.platform.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that is down is a clear {@code 503} problem; the others go on answering. A
 * service that answers is never taken for down, whatever it answers.
 */
@ExtendWith(RunningPlatform.class)
class GatewayDegradationTests {

	private final LocalPlatform platform;

	private final Gateway gateway;

	GatewayDegradationTests(LocalPlatform platform, Gateway gateway) {
		this.platform = platform;
		this.gateway = gateway;
	}

	@Test
	void aServiceThatIsDownIsA503ProblemWhileTheOthersAnswer() {
		this.platform.stop(Service.CAMPAIGN_TRAINING);
		try {
			Gateway.Answer answer = this.gateway.get("/api/training/cohorts");

			assertThat(answer.status()).as(answer.body()).isEqualTo(503);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			JsonNode problem = answer.json();
			assertThat(problem.path("status").asInt()).isEqualTo(503);
			assertThat(problem.path("title").asString()).isNotBlank();
			assertThat(this.gateway.get("/api/chapters?state=" + Organizers.STATE).status()).isEqualTo(200);
		}
		finally {
			this.platform.start(Service.CAMPAIGN_TRAINING);
		}
		assertThat(this.gateway.get("/api/training/cohorts").status()).isEqualTo(200);
	}

	/**
	 * Attack 1: take a service offline for everyone by sending it, again and again, an
	 * input that makes it fail ({@code ?office=a%00b} once answered {@code 500}).
	 * Whatever it answers now, those answers never open the gateway's circuit for the
	 * others.
	 */
	@Test
	void requestsThatFailOnTheirOwnInputNeverTakeTheServiceOfflineForOthers() {
		// More than the circuit's minimum of calls (10), within the public rate limit.
		for (int i = 0; i < 12; i++) {
			Gateway.Answer poisoned = this.gateway.get("/api/endorsements?office=a%00b");

			assertThat(poisoned.status()).as(poisoned.body()).isNotEqualTo(503);
		}

		Gateway.Answer someoneElse = this.gateway.get("/api/endorsements?state=" + Organizers.STATE);
		assertThat(someoneElse.status()).as(someoneElse.body()).isEqualTo(200);
		assertThat(this.gateway.get("/api/races?state=" + Organizers.STATE).status()).isEqualTo(200);
	}

}
