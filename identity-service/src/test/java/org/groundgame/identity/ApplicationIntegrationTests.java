package org.groundgame.identity;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
		double clientCredentials = tokensIssued("client_credentials");
		double authorizationCode = tokensIssued("authorization_code");

		this.http.staffToken();
		this.http.staffToken();
		this.http.accessToken(IdentityHttp.CHAPTER_CLIENT, IdentityHttp.CHAPTER_SECRET);
		Browser browser = new Browser(this.http);
		browser.accessToken(browser.code(browser.signIn("organizer", "organizer-pw")));

		assertThat(tokensIssued("client_credentials")).isEqualTo(clientCredentials + 3);
		assertThat(tokensIssued("authorization_code")).isEqualTo(authorizationCode + 1);
		assertThat(this.http.get("/actuator/prometheus", null).body())
			.containsPattern("groundgame_identity_tokens_issued_total\\{[^}]*application=\"identity-service\"");
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

	/** The tokens issued so far with this grant type, as Prometheus reads them. */
	private double tokensIssued(String grantType) {
		HttpResponse<String> response = this.http.get("/actuator/prometheus", null);
		assertThat(response.statusCode()).isEqualTo(200);
		Matcher sample = Pattern.compile("(?m)^groundgame_identity_tokens_issued_total\\{([^}]*)\\} (\\S+)$")
			.matcher(response.body());
		double issued = 0;
		while (sample.find()) {
			if (sample.group(1).contains("grant_type=\"" + grantType + "\"")) {
				issued += Double.parseDouble(sample.group(2));
			}
		}
		return issued;
	}

}
