package org.groundgame.gateway.docs;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.groundgame.gateway.GatewayClient;
import org.groundgame.gateway.GatewayTestConfiguration;
import org.groundgame.gateway.StubService;
import org.groundgame.gateway.TestBackends;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * One place to read the APIs: Swagger UI over every service's OpenAPI document, and the
 * events' AsyncAPI document, all without a token.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(GatewayTestConfiguration.class)
class DocumentationTests {

	private final CircuitBreakerRegistry circuitBreakers;

	private final GatewayClient gateway;

	@Autowired
	DocumentationTests(@LocalServerPort int port, CircuitBreakerRegistry circuitBreakers) {
		this.circuitBreakers = circuitBreakers;
		this.gateway = new GatewayClient(port);
	}

	@BeforeEach
	void forgetEarlierRequests() {
		TestBackends.reset(this.circuitBreakers);
	}

	@Test
	void asyncApiDocumentOfTheEventsIsServed() throws Exception {
		HttpResponse<String> response = this.gateway.get("/asyncapi.yaml");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/yaml"));
		assertThat(response.body()).contains("asyncapi: 3.0.0", "channels:");
	}

	@Test
	void swaggerUiIsServed() throws Exception {
		HttpResponse<String> redirect = this.gateway.get("/swagger-ui.html");
		HttpResponse<String> page = this.gateway.get("/swagger-ui/index.html");

		assertThat(redirect.statusCode()).isEqualTo(302);
		assertThat(redirect.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/swagger-ui/index.html"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
	}

	@Test
	@SuppressWarnings("unchecked")
	void swaggerUiListsEveryServicesDocument() throws Exception {
		HttpResponse<String> response = this.gateway.get("/v3/api-docs/swagger-config");

		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> config = GatewayClient.json(response);
		assertThat((List<Map<String, String>>) config.get("urls"))
			.extracting((url) -> url.get("name"), (url) -> url.get("url"))
			.containsExactlyInAnyOrder(tuple("endorsement", "/v3/api-docs/endorsement"),
					tuple("volunteer", "/v3/api-docs/volunteer"),
					tuple("campaign-training", "/v3/api-docs/campaign-training"),
					tuple("notification", "/v3/api-docs/notification"), tuple("identity", "/v3/api-docs/identity"));
	}

	@Test
	void swaggerUiSignsPeopleInWithTheWebClientAndPkce() throws Exception {
		HttpResponse<String> response = this.gateway.get("/swagger-ui/swagger-initializer.js");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("ground-game-web").contains("usePkceWithAuthorizationCodeGrant");
	}

	@Test
	void servicesOpenApiDocumentIsProxiedFromItsOwnPath() throws Exception {
		String document = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"Ground Game volunteer-service\"}}";
		TestBackends.volunteer.on("/v3/api-docs", StubService.Answer.of(200, "application/json", document, Map.of()));

		HttpResponse<String> response = this.gateway.get("/v3/api-docs/volunteer");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(document);
		StubService.RecordedRequest received = TestBackends.volunteer.takeRequest();
		assertThat(received.path()).isEqualTo("/v3/api-docs");
		assertThat(received.header("Host")).isEqualTo(this.gateway.authority());
	}

	@Test
	void documentOfAServiceThatIsDownIsA503Problem() throws Exception {
		HttpResponse<String> response = this.gateway.get("/v3/api-docs/campaign-training");

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(GatewayClient.json(response)).containsEntry("service", "campaign-training-service");
	}

}
