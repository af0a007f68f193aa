package org.groundgame.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own health, metrics and info, with every service down: a gateway whose
 * services are away is still alive and ready, and answers their routes with 503 problems.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ActuatorEndpointsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final URI gateway;

	@Autowired
	ActuatorEndpointsTests(@LocalServerPort int port) {
		this.gateway = URI.create("http://127.0.0.1:" + port);
	}

	@DynamicPropertySource
	static void everyServiceDown(DynamicPropertyRegistry registry) {
		for (String service : new String[] { "endorsement", "volunteer", "campaign-training", "notification" }) {
			registry.add("groundgame.gateway.services." + service, () -> "http://127.0.0.1:" + portNobodyListensOn());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health" })
	void isUpWithEveryServiceDown(String probe) throws Exception {
		HttpResponse<String> response = get(probe);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response)).containsEntry("status", "UP");
	}

	@Test
	void answersForAServiceThatIsDownWhileReady() throws Exception {
		HttpResponse<String> response = get("/api/chapters?state=MO");

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(json(response)).containsEntry("detail", "volunteer-service is unavailable; try again shortly");
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

	private static int portNobodyListensOn() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
