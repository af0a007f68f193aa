package org.groundgame.identity;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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
	void theOpenApiDocumentGroupsTheServicesOperationsByDomainEachWithASummary() {
		JsonNode document = IdentityHttp.json(this.http.get("/v3/api-docs", null));
		Map<String, String> tagOfPath = Map.of("/api/clients", "Clients", "/api/people", "People", "/api/signing-keys",
				"Signing keys");

		Map<String, Integer> operations = new TreeMap<>();
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			// The platform's shared endpoints (service-support's) are tagged there.
			tagOfPath.entrySet()
				.stream()
				.filter((prefix) -> path.getKey().startsWith(prefix.getKey()))
				.map(Map.Entry::getValue)
				.findFirst()
				.ifPresent((tag) -> {
					for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
						String name = operation.getKey() + " " + path.getKey();
						assertThat(operation.getValue().get("tags").valueStream().map(JsonNode::asString)).as(name)
							.containsExactly(tag);
						assertThat(operation.getValue().has("summary")).as(name).isTrue();
						assertThat(operation.getValue().get("summary").asString()).as(name).isNotBlank();
						operations.merge(tag, 1, Integer::sum);
					}
				});
		}

		assertThat(operations).containsExactly(Map.entry("Clients", 4), Map.entry("People", 7),
				Map.entry("Signing keys", 2));
		assertThat(
				document.get("tags").valueStream().filter((tag) -> tagOfPath.containsValue(tag.get("name").asString())))
			.hasSize(3)
			.allSatisfy((tag) -> assertThat(tag.has("description")).as(tag.toString()).isTrue());
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
