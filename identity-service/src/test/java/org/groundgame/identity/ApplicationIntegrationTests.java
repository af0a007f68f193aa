package org.groundgame.identity;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators rely on: health probes, build information and metrics, with no token.
 */
@IdentityServiceIntegrationTest
class ApplicationIntegrationTests {

	private final IdentityHttp http;

	@Autowired
	ApplicationIntegrationTests(@LocalServerPort int port) {
		this.http = new IdentityHttp(port);
	}

	@Test
	void readinessAndLivenessAreUp() {
		for (String probe : new String[] { "/actuator/health/readiness", "/actuator/health/liveness" }) {
			HttpResponse<String> response = this.http.get(probe, null);
			assertThat(response.statusCode()).as(probe).isEqualTo(200);
			assertThat(IdentityHttp.json(response).get("status").asString()).isEqualTo("UP");
		}
	}

	@Test
	void infoNamesTheBuild() {
		HttpResponse<String> response = this.http.get("/actuator/info", null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(IdentityHttp.json(response).get("build").get("artifact").asString()).isEqualTo("identity-service");
	}

	@Test
	void prometheusCountsTheTokensIssuedByGrantType() {
		this.http.staffToken();

		HttpResponse<String> response = this.http.get("/actuator/prometheus", null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("groundgame_identity_tokens_issued_total{")
			.contains("grant_type=\"client_credentials\"")
			.contains("application=\"identity-service\"");
	}

	@Test
	void theOpenApiDocumentIsOpenAndDescribesTheClientsApi() {
		HttpResponse<String> response = this.http.get("/v3/api-docs", null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("/api/clients");
	}

	@Test
	void otherPathsNeedASignedInPerson() {
		HttpResponse<String> response = this.http.get("/", null);

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
	}

}
