package org.groundgame.notification.delivery.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.groundgame.support.domain.IllegalStateChangeException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A delivery's life on the retry schedule, with time given by the tests (no clock, no
 * waiting): jitter off, so every due time is exact.
 */
class DeliveryTests {

	private static final Instant EVENT = Instant.parse("2026-11-03T18:00:00Z");

	private final RetrySchedule svix = new RetrySchedule(
			List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
					Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)),
			0.0, Duration.ofHours(24));

	private final Random random = new Random(7);

	private Delivery planned() {
		return Delivery.planned("event-1", "org.groundgame.endorsement.EndorsementGranted.v1", Channel.WEBHOOK,
				Recipient.chapter("chapter-1"), "https://hooks.example.org/groundgame", "endorsement-1", EVENT,
				Content.webhook("Endorsed", "{}"), EVENT);
	}

	private static AttemptResult serverError() {
		return AttemptResult.retry("FAILED", 503, null, "HTTP 503", Duration.ZERO);
	}

	@Test
	void oneDeliveryPerEventRecipientAndChannel() {
		Recipient chapter = Recipient.chapter("chapter-1");
		assertThat(Delivery.idOf("event-1", chapter, Channel.WEBHOOK))
			.isEqualTo(Delivery.idOf("event-1", Recipient.chapter("chapter-1"), Channel.WEBHOOK))
			.isNotEqualTo(Delivery.idOf("event-1", chapter, Channel.EMAIL))
			.isNotEqualTo(Delivery.idOf("event-2", chapter, Channel.WEBHOOK))
			.isNotEqualTo(Delivery.idOf("event-1", Recipient.person("chapter-1"), Channel.WEBHOOK));
	}

	@Test
	void aNewDeliveryIsDueAtOnce() {
		Delivery delivery = planned();
		assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(delivery.nextAttemptAt()).isEqualTo(EVENT);
	}

	@Test
	void failuresFollowTheScheduleUntilItIsExhausted() {
		Delivery delivery = planned();
		Instant now = EVENT;
		List<Duration> expectedWaits = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
				Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
		for (Duration wait : expectedWaits) {
			delivery = delivery.afterAttempt(now, serverError(), this.svix, this.random);
			assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
			assertThat(delivery.nextAttemptAt()).isEqualTo(now.plus(wait));
			now = delivery.nextAttemptAt();
		}
		delivery = delivery.afterAttempt(now, serverError(), this.svix, this.random);
		assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(delivery.attempts()).hasSize(8)
			.allSatisfy((attempt) -> assertThat(attempt.statusCode()).isEqualTo(503));
		assertThat(delivery.nextAttemptAt()).isNull();
		assertThat(delivery.completedAt()).isEqualTo(now);
	}

	@Test
	void aLaterRetryAfterIsHonoured() {
		Delivery delivery = planned().afterAttempt(EVENT,
				AttemptResult.retry("FAILED", 429, Duration.ofMinutes(2), "HTTP 429", Duration.ZERO), this.svix,
				this.random);
		assertThat(delivery.nextAttemptAt()).isEqualTo(EVENT.plus(Duration.ofMinutes(2)));
	}

	@Test
	void anEarlierRetryAfterDoesNotHastenTheSchedule() {
		Delivery delivery = planned().afterAttempt(EVENT,
				AttemptResult.retry("FAILED", 503, Duration.ofSeconds(1), "HTTP 503", Duration.ZERO), this.svix,
				this.random);
		assertThat(delivery.nextAttemptAt()).isEqualTo(EVENT.plusSeconds(5));
	}

	@Test
	void goneFailsAtOnceWithoutRetries() {
		Delivery delivery = planned().afterAttempt(EVENT, AttemptResult.giveUp("GONE", 410, "HTTP 410", Duration.ZERO),
				this.svix, this.random);
		assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(delivery.lastAttempt().statusCode()).isEqualTo(410);
		assertThat(delivery.nextAttemptAt()).isNull();
	}

	@Test
	void successEndsTheDelivery() {
		Delivery delivery = planned().afterAttempt(EVENT, serverError(), this.svix, this.random)
			.afterAttempt(EVENT.plusSeconds(5), AttemptResult.delivered("DELIVERED", 204, Duration.ofMillis(40)),
					this.svix, this.random);
		assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(delivery.attempts()).extracting(Attempt::statusCode).containsExactly(503, 204);
		assertThat(delivery.completedAt()).isEqualTo(EVENT.plusSeconds(5).plusMillis(40));
	}

	@Test
	void aFailedDeliveryRetriedStartsTheScheduleAgainAndKeepsItsHistory() {
		Delivery failed = planned().afterAttempt(EVENT, AttemptResult.giveUp("GONE", 410, null, null), this.svix,
				this.random);
		Instant later = EVENT.plus(Duration.ofDays(1));
		Delivery retried = failed.retried(later);
		assertThat(retried.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(retried.nextAttemptAt()).isEqualTo(later);
		assertThat(retried.attemptsInRound()).isZero();
		assertThat(retried.attempts()).hasSize(1);
		Delivery failedAgain = retried.afterAttempt(later, serverError(), this.svix, this.random);
		assertThat(failedAgain.nextAttemptAt()).isEqualTo(later.plusSeconds(5));
	}

	@Test
	void onlyAFailedDeliveryCanBeRetried() {
		assertThatExceptionOfType(IllegalStateChangeException.class).isThrownBy(() -> planned().retried(EVENT))
			.satisfies((ex) -> assertThat(ex.currentState()).isEqualTo("PENDING"));
	}

	@Test
	void replayingSendsADeliveredOneAgainButLeavesAPendingOneAlone() {
		Delivery delivered = planned().afterAttempt(EVENT, AttemptResult.delivered("DELIVERED", 200, null), this.svix,
				this.random);
		Instant later = EVENT.plus(Duration.ofHours(3));
		assertThat(delivered.replayed(later).status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(delivered.replayed(later).nextAttemptAt()).isEqualTo(later);
		Delivery pending = planned();
		assertThat(pending.replayed(later)).isSameAs(pending);
	}

	@Test
	void abandoningRecordsWhyWithoutAnAttemptCounted() {
		Delivery abandoned = planned().abandoned(EVENT, "ENDPOINT_DISABLED", "disabled");
		assertThat(abandoned.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(abandoned.lastAttempt().outcome()).isEqualTo("ENDPOINT_DISABLED");
		assertThat(abandoned.attemptsInRound()).isZero();
	}

}
