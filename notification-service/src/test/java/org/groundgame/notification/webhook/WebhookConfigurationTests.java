package org.groundgame.notification.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings as Spring binds them, without starting the service. */
class WebhookConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(WebhookConfiguration.class, WebhookClient.class);

	@Test
	void unsetSettingsTakeTheirDefaults() {
		this.contextRunner.run((context) -> {
			WebhookDeliveryProperties properties = context.getBean(WebhookDeliveryProperties.class);
			assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
			assertThat(properties.breaker().failureRateThreshold()).isEqualTo(50f);
			assertThat(properties.breaker().minimumCalls()).isEqualTo(5);
			assertThat(properties.breaker().slidingWindowSize()).isEqualTo(10);
			assertThat(properties.breaker().waitInOpenState()).isEqualTo(Duration.ofSeconds(60));
			assertThat(properties.breaker().halfOpenCalls()).isEqualTo(1);
			assertThat(context).hasSingleBean(WebhookClient.class);
		});
	}

	@Test
	void settingsAreBoundFromTheirProperties() {
		this.contextRunner
			.withPropertyValues("groundgame.notification.webhooks.delivery.timeout=2s",
					"groundgame.notification.webhooks.delivery.connect-timeout=500ms",
					"groundgame.notification.webhooks.delivery.breaker.failure-rate-threshold=80",
					"groundgame.notification.webhooks.delivery.breaker.minimum-calls=4",
					"groundgame.notification.webhooks.delivery.breaker.wait-in-open-state=5m",
					"groundgame.notification.webhooks.delivery.breaker.half-open-calls=2")
			.run((context) -> {
				WebhookDeliveryProperties properties = context.getBean(WebhookDeliveryProperties.class);
				assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.connectTimeout()).isEqualTo(Duration.ofMillis(500));
				assertThat(properties.breaker().failureRateThreshold()).isEqualTo(80f);
				assertThat(properties.breaker().minimumCalls()).isEqualTo(4);
				assertThat(properties.breaker().slidingWindowSize()).isEqualTo(10);
				assertThat(properties.breaker().waitInOpenState()).isEqualTo(Duration.ofMinutes(5));
				assertThat(properties.breaker().halfOpenCalls()).isEqualTo(2);
			});
	}

	@Test
	void theClientAllowsLoopbackAsTheSubscriptionsDo() {
		String url = "http://127.0.0.1:9/hooks";
		WebhookRequest request = new WebhookRequest("msg_1", Instant.now(), url,
				List.of(StandardWebhooksTests.NEW_SECRET), new byte[0]);
		this.contextRunner.run((context) -> assertThat(context.getBean(WebhookClient.class).post(request).outcome())
			.isEqualTo(WebhookResponse.Outcome.REFUSED_ADDRESS));
		this.contextRunner.withPropertyValues("groundgame.notification.webhooks.allow-loopback=true")
			.run((context) -> assertThat(context.getBean(WebhookClient.class).post(request).outcome())
				.isNotEqualTo(WebhookResponse.Outcome.REFUSED_ADDRESS));
	}

}
