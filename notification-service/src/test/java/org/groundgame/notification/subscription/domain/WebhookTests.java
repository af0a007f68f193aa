package org.groundgame.notification.subscription.domain;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A webhook endpoint's secrets and health, with time given by the tests. */
class WebhookTests {

	private static final Instant NOW = Instant.parse("2026-11-03T18:00:00Z");

	private static final Duration FIVE_DAYS = Duration.ofDays(5);

	private final SecureRandom random = new SecureRandom();

	private final Webhook webhook = Webhook.at("https://hooks.columbia.example/in", this.random);

	@Test
	void aRotatedSecretSignsBesideTheOldOneUntilTheOverlapEnds() {
		Webhook rotated = this.webhook.rotated(this.random, NOW, Duration.ofHours(24));
		assertThat(rotated.secret()).startsWith("whsec_").isNotEqualTo(this.webhook.secret());
		assertThat(rotated.secretsAt(NOW.plus(Duration.ofHours(23)))).containsExactly(rotated.secret(),
				this.webhook.secret());
		assertThat(rotated.secretsAt(NOW.plus(Duration.ofHours(24)))).containsExactly(rotated.secret());
	}

	@Test
	void anEndpointFailingForDaysIsDisabledAndASuccessInBetweenStartsTheCountAgain() {
		Webhook failing = this.webhook.failed(NOW, FIVE_DAYS);
		assertThat(failing.failingSince()).isEqualTo(NOW);
		Webhook stillFailing = failing.failed(NOW.plus(Duration.ofDays(4)), FIVE_DAYS);
		assertThat(stillFailing.enabled()).isTrue();
		assertThat(stillFailing.failingSince()).isEqualTo(NOW);

		Webhook recovered = stillFailing.succeeded();
		assertThat(recovered.failingSince()).isNull();
		assertThat(recovered.failed(NOW.plus(Duration.ofDays(5)), FIVE_DAYS).enabled()).isTrue();

		Webhook disabled = stillFailing.failed(NOW.plus(FIVE_DAYS), FIVE_DAYS);
		assertThat(disabled.enabled()).isFalse();
		assertThat(disabled.disabledAt()).isEqualTo(NOW.plus(FIVE_DAYS));
		assertThat(disabled.disabledReason()).contains("failing since");
	}

	@Test
	void reenablingClearsTheRecordButKeepsTheSecrets() {
		Webhook disabled = this.webhook.failed(NOW, FIVE_DAYS).disabled(NOW, "the endpoint answered 410 Gone");
		Webhook enabled = disabled.reenabled();
		assertThat(enabled.enabled()).isTrue();
		assertThat(enabled.failingSince()).isNull();
		assertThat(enabled.disabledReason()).isNull();
		assertThat(enabled.secret()).isEqualTo(this.webhook.secret());
	}

	@Test
	void neitherSecretAppearsInTheTextForm() {
		Webhook rotated = this.webhook.rotated(this.random, NOW, Duration.ofHours(1));
		assertThat(rotated.toString()).doesNotContain(rotated.secret()).doesNotContain(this.webhook.secret());
	}

}
