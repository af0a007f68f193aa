package org.groundgame.gateway.edge;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.groundgame.gateway.GatewayClient;
import org.groundgame.gateway.GatewayTestConfiguration;
import org.groundgame.gateway.StubService;
import org.groundgame.gateway.TestBackends;
import org.groundgame.gateway.error.EdgeProblems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request body may be at most {@code groundgame.gateway.max-body-size} (256 KB by
 * default), however it is sent; a larger one never reaches a service.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(GatewayTestConfiguration.class)
class RequestBodyLimitTests {

	private final CircuitBreakerRegistry circuitBreakers;

	private static final int LIMIT = 256 * 1024;

	private final GatewayClient gateway;

	@Autowired
	RequestBodyLimitTests(@LocalServerPort int port, CircuitBreakerRegistry circuitBreakers) {
		this.circuitBreakers = circuitBreakers;
		this.gateway = new GatewayClient(port);
	}

	@BeforeEach
	void forgetEarlierRequests() {
		TestBackends.reset(this.circuitBreakers);
	}

	@Test
	void bodyLargerThanTheLimitByContentLengthIsA413ProblemAndNeverSent() throws Exception {
		HttpResponse<String> response = this.gateway.send(this.gateway.request("/api/nominations")
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(json(LIMIT + 1))));

		assertTooLarge(response);
	}

	@Test
	void chunkedBodyLargerThanTheLimitIsA413ProblemAndNeverSent() throws Exception {
		HttpResponse<String> response = this.gateway.send(this.gateway.request("/api/nominations")
			.header("Content-Type", "application/json")
			// A body of unknown length goes out chunked.
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes(json(LIMIT + 1))))));

		assertTooLarge(response);
	}

	@Test
	void chunkedBodyWithinTheLimitReachesTheServiceWhole() throws Exception {
		String body = json(LIMIT);

		HttpResponse<String> response = this.gateway.send(this.gateway.request("/api/nominations")
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes(body)))));

		assertThat(response.statusCode()).isEqualTo(200);
		StubService.RecordedRequest received = TestBackends.endorsement.takeRequest();
		assertThat(received.body()).isEqualTo(body);
	}

	@Test
	void chunkedFormReachesTheServiceWithItsParameters() throws Exception {
		String form = "grant_type=client_credentials&scope=read+write&note=caf%C3%A9";

		HttpResponse<String> response = this.gateway.send(this.gateway.request("/oauth2/token")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes(form)))));

		assertThat(response.statusCode()).isEqualTo(200);
		String received = URLDecoder.decode(TestBackends.identity.takeRequest().body(), StandardCharsets.UTF_8);
		assertThat(received.split("&")).containsExactlyInAnyOrder("grant_type=client_credentials", "scope=read write",
				"note=café");
	}

	@Test
	void aCandidatesPhotoMayBeLargerThanOtherBodiesButNotWithoutLimit() throws Exception {
		byte[] photo = new byte[2 * 1024 * 1024];
		java.util.Arrays.fill(photo, (byte) 7);

		HttpResponse<String> uploaded = this.gateway.send(this.gateway.request("/api/questionnaire/profile/photo")
			.header("Content-Type", "image/jpeg")
			.header("X-Questionnaire-Token", "q-1")
			.PUT(BodyPublishers.ofByteArray(photo)));

		assertThat(uploaded.statusCode()).isEqualTo(200);
		assertThat(TestBackends.endorsement.takeRequest().body()).hasSize(photo.length);

		HttpResponse<String> tooLarge = this.gateway.send(this.gateway.request("/api/questionnaire/profile/photo")
			.header("Content-Type", "image/jpeg")
			.header("X-Questionnaire-Token", "q-1")
			.PUT(BodyPublishers.ofByteArray(new byte[6 * 1024 * 1024 + 1])));

		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(GatewayClient.json(tooLarge)).containsEntry("maxBodySize", 6 * 1024 * 1024);
		// The same body anywhere else is held to the ordinary limit.
		HttpResponse<String> elsewhere = this.gateway.send(this.gateway.request("/api/questionnaire")
			.header("Content-Type", "image/jpeg")
			.header("X-Questionnaire-Token", "q-1")
			.PUT(BodyPublishers.ofByteArray(photo)));
		assertThat(elsewhere.statusCode()).isEqualTo(413);
		assertThat(TestBackends.endorsement.receivedRequests()).isEmpty();
	}

	private void assertTooLarge(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
		assertThat(GatewayClient.json(response)).containsEntry("type", EdgeProblems.CONTENT_TOO_LARGE.toString())
			.containsEntry("status", 413)
			.containsEntry("maxBodySize", LIMIT)
			.containsEntry("instance", "/api/nominations");
		assertThat(TestBackends.endorsement.receivedRequests()).isEmpty();
	}

	/** A JSON document of exactly {@code size} bytes. */
	private static String json(int size) {
		String start = "{\"statement\":\"";
		String end = "\"}";
		return start + "x".repeat(size - start.length() - end.length()) + end;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
