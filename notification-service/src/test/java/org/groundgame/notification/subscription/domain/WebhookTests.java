package org.groundgame.notification.subscription.domain;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import org.groundgame.support.domain.IllegalStateChangeException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
	void rotatingAgainWithinTheOverlapKeepsEverySecretPromised() {
		Webhook once = this.webhook.rotated(this.random, NOW, Duration.ofHours(24));
		Webhook twice = once.rotated(this.random, NOW.plus(Duration.ofHours(1)), Duration.ofHours(24));
		assertThat(twice.secretsAt(NOW.plus(Duration.ofHours(2)))).containsExactly(twice.secret(), once.secret(),
				this.webhook.secret());
		assertThat(twice.secretsAt(NOW.plus(Duration.ofHours(24)))).containsExactly(twice.secret(), once.secret());
		assertThat(twice.secretsAt(NOW.plus(Duration.ofHours(25)))).containsExactly(twice.secret());
		assertThat(twice.previousSecretExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(25)));
	}

	@Test
	void rotatingTooOftenWithinTheOverlapIsRefusedRatherThanDroppingAPromisedSecret() {
		Webhook rotated = this.webhook;
		for (int i = 0; i < Webhook.MAX_RETIRED; i++) {
			rotated = rotated.rotated(this.random, NOW.plusSeconds(i), Duration.ofHours(24));
		}
		Webhook full = rotated;
		assertThatExceptionOfType(IllegalStateChangeException.class)
			.isThrownBy(() -> full.rotated(this.random, NOW.plusSeconds(60), Duration.ofHours(24)));
		// Once the first replaced secret's overlap has ended, there is room again.
		Webhook later = full.rotated(this.random, NOW.plus(Duration.ofHours(24)), Duration.ofHours(24));
		assertThat(later.secretsAt(NOW.plus(Duration.ofHours(24)))).hasSize(1 + Webhook.MAX_RETIRED)
			.doesNotContain(this.webhook.secret())
			.contains(full.secret());
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
