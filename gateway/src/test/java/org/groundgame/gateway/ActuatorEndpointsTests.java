package org.groundgame.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own health, metrics and info, open without a token. The services take no
 * part in the gateway's health: one that is down (campaign-training-service, here) leaves
 * the gateway alive and ready, answering its routes with 503 problems.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(GatewayTestConfiguration.class)
class ActuatorEndpointsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final URI gateway;

	private final CircuitBreakerRegistry circuitBreakers;

	@Autowired
	ActuatorEndpointsTests(@LocalServerPort int port, CircuitBreakerRegistry circuitBreakers) {
		this.gateway = URI.create("http://127.0.0.1:" + port);
		this.circuitBreakers = circuitBreakers;
	}

	@BeforeEach
	void forgetEarlierRequests() {
		TestBackends.reset(this.circuitBreakers);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health" })
	void isUpWithAServiceDown(String probe) throws Exception {
		HttpResponse<String> response = get(probe);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response)).containsEntry("status", "UP");
	}

	@Test
	void answersForAServiceThatIsDownWhileReady() throws Exception {
		HttpResponse<String> response = get("/api/training/cohorts");

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(json(response)).containsEntry("detail",
				"campaign-training-service is unavailable; try again shortly");
	}

	@Test
	void metricsAreScrapedInPrometheusFormatTaggedWithTheApplication() throws Exception {
		HttpResponse<String> response = get("/actuator/prometheus");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("text/plain"));
		assertThat(response.body()).contains("jvm_threads_live_threads{application=\"gateway\"");
	}

	@Test
	void infoNamesTheBuild() throws Exception {
		HttpResponse<String> response = get("/actuator/info");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response)).extractingByKey("build")
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("artifact", "gateway");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.client.send(HttpRequest.newBuilder(this.gateway.resolve(path)).build(), BodyHandlers.ofString());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(HttpResponse<String> response) {
		return json.readValue(response.body(), Map.class);
	}

}
