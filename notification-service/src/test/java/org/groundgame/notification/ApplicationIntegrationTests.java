package org.groundgame.notification;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators rely on: health probes, build information and metrics. */
@NotificationServiceIntegrationTest
class ApplicationIntegrationTests {

	private final RestTestClient http;

	@Autowired
	ApplicationIntegrationTests(@LocalServerPort int port) {
		this.http = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
	}

	@Test
	void readinessAndLivenessAreUp() {
		for (String probe : new String[] { "/actuator/health/readiness", "/actuator/health/liveness" }) {
			this.http.get()
				.uri(probe)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP");
		}
	}

	@Test
	void infoNamesTheBuild() {
		this.http.get()
			.uri("/actuator/info")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.build.artifact")
			.isEqualTo("notification-service");
	}

	@Test
	void describesItsApiInAnOpenApiDocumentThatNeedsNoToken() {
		this.http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/notifications/subscriptions/{chapterId}'].put")
			.exists()
			.jsonPath("$.paths['/api/notifications/subscriptions/{chapterId}/webhook/secret'].post")
			.exists()
			.jsonPath("$.paths['/api/notifications/subscriptions/{chapterId}/webhook/test'].post")
			.exists()
			.jsonPath("$.paths['/api/notifications/subscriptions/{chapterId}/webhook/replay'].post")
			.exists()
			.jsonPath("$.paths['/api/notifications/deliveries'].get.parameters[*].name")
			.isEqualTo(List.of("chapterId", "status", "channel", "page", "size"))
			.jsonPath("$.paths['/api/notifications/deliveries/{id}/retry'].post")
			.exists()
			// Who calls comes from the token, never from a parameter.
			.jsonPath("$.paths['/api/notifications/inbox'].get.parameters[*].name")
			.isEqualTo(List.of("chapterId", "read", "page", "size"))
			.jsonPath("$.paths['/api/notifications/inbox'].get.security")
			.doesNotExist()
			.jsonPath("$.security[0].oauth2")
			.exists();
	}

	@Test
	void prometheusExposesTheDeliveryMetrics() {
		String metrics = this.http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).contains("groundgame_notification_deliveries_total{")
			.contains("channel=\"inbox\"")
			.contains("application=\"notification-service\"")
			.contains("groundgame_notification_delivery_latency_seconds_count{")
			.containsPattern("groundgame_notification_retries_pending\\{[^}]*\\} \\d")
			.containsPattern("groundgame_notification_webhooks_disabled\\{[^}]*\\} \\d")
			.contains("groundgame_notification_inbox_streams");
	}

}
