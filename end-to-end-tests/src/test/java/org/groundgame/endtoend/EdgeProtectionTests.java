package org.groundgame.endtoend;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.groundgame.platform.LocalPlatform;
import org.groundgame.platform.PlatformCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway does for every request on the running platform: limits on what a
 * request may cost, the token endpoint's guard against guessing (which never keeps a
 * right secret out), request ids and security headers, and one place to read every API.
 */
@ExtendWith(RunningPlatform.class)
class EdgeProtectionTests {

	private final LocalPlatform platform;

	private final Gateway gateway;

	EdgeProtectionTests(LocalPlatform platform, Gateway gateway) {
		this.platform = platform;
		this.gateway = gateway;
	}

	@Test
	void guessingClientSecretsIsStoppedWith429AndRetryAfter() {
		List<Integer> statuses = new ArrayList<>();
		Gateway.Answer last = null;
		for (int attempt = 0; attempt < 40 && !statuses.contains(429); attempt++) {
			last = this.gateway.tokens().ask("ground-game-staff", "guess-" + attempt);
			statuses.add(last.status());
		}
		// 401 until the allowance of failures is used up (by this test, or by another
		// one's
		// guesses from this address a moment ago), then 429.
		assertThat(statuses).as("answers to wrong secrets").isSubsetOf(401, 429).endsWith(429);
		assertThat(last.header("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isPositive());
		assertThat(last.contentType()).startsWith("application/problem+json");
	}

	/**
	 * Attack 4: lock a client out of the token endpoint with wrong secrets sent from its
	 * address (all of these come from 127.0.0.1). The wrong ones are refused, past the
	 * allowance with {@code 429}; the right one never is.
	 */
	@Test
	void aStreamOfWrongSecretsFromTheClientsAddressNeverKeepsItsRightSecretOut() {
		PlatformCredentials.Client staff = this.platform.credentials().staff();
		List<Integer> wrong = new ArrayList<>();
		for (int round = 0; round < 8; round++) {
			for (int guess = 0; guess < 3; guess++) {
				wrong.add(this.gateway.tokens().ask(staff.clientId(), "guess-" + round + "-" + guess).status());
			}

			Gateway.Answer right = this.gateway.tokens().ask(staff.clientId(), staff.secret());

			assertThat(right.status()).as("round %d: %s", round, right.body()).isEqualTo(200);
			assertThat(right.json().path("access_token").asString()).isNotBlank();
		}
		assertThat(wrong).isSubsetOf(401, 429).contains(429);
	}

	@Test
	void anOversizedBodyIsRefusedWith413BeforeReachingAService() {
		String statement = "x".repeat(2 * 1024 * 1024);
		Gateway.Answer answer = this.gateway.post("/api/nominations",
				Map.of("candidate", Map.of("name", "Big"), "race", Map.of("office", "Mayor"), "statement", statement));

		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.contentType()).startsWith("application/problem+json");
	}

	@Test
	void aPageLargerThanTheCapIsRefusedOrCapped() {
		Gateway.Answer answer = this.gateway.get("/api/chapters?state=MO&size=5000");

		if (answer.status() == 200) {
			assertThat(answer.json().path("page").path("size").asInt()).isLessThanOrEqualTo(100);
		}
		else {
			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.contentType()).startsWith("application/problem+json");
		}
	}

	@Test
	void everyAnswerCarriesARequestIdAndSecurityHeaders() {
		Gateway.Answer open = this.gateway.get("/api/chapters?state=MO");
		Gateway.Answer refused = this.gateway.get("/api/nominations");
		Gateway.Answer echoed = this.gateway.sendRaw("GET", "/api/training/cohorts",
				HttpRequest.BodyPublishers.noBody(), "X-Request-Id", "client-chosen-id-42");

		assertThat(refused.status()).isEqualTo(401);
		for (Gateway.Answer answer : List.of(open, refused, echoed)) {
			assertThat(answer.header("X-Request-Id")).as(answer.request()).isPresent();
			assertThat(answer.header("X-Content-Type-Options")).as(answer.request()).contains("nosniff");
		}
		assertThat(open.header("X-Request-Id")).isNotEqualTo(refused.header("X-Request-Id"));
		assertThat(echoed.header("X-Request-Id")).contains("client-chosen-id-42");
	}

	@Test
	void everyServicesOpenApiDocumentAndTheEventCatalogAreServedByTheGateway() {
		Map<String, String> pathOfService = Map.of("endorsement", "/api/nominations", "volunteer", "/api/chapters",
				"campaign-training", "/api/training/cohorts", "notification", "/api/notifications/inbox");
		pathOfService.forEach((service, path) -> {
			Gateway.Answer document = this.gateway.get("/v3/api-docs/" + service);
			assertThat(document.status()).as(service).isEqualTo(200);
			JsonNode paths = document.json().path("paths");
			assertThat(paths.has(path)).as(service + " documents " + path).isTrue();
		});
		Gateway.Answer swaggerUi = this.gateway.get("/swagger-ui/index.html");
		assertThat(swaggerUi.status()).isEqualTo(200);
		assertThat(swaggerUi.body()).containsIgnoringCase("swagger");
		Gateway.Answer asyncApi = this.gateway.sendRaw("GET", "/asyncapi.yaml", HttpRequest.BodyPublishers.noBody(),
				"Accept", "application/yaml, */*");
		assertThat(asyncApi.status()).isEqualTo(200);
		assertThat(asyncApi.body()).contains("asyncapi:").contains("EndorsementGranted");
	}

}
