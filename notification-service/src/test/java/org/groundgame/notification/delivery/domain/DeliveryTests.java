package org.groundgame.notification.delivery.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.groundgame.notification.preference.domain.EmailTopic;
import org.groundgame.support.domain.IllegalStateChangeException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A delivery's life on the retry schedule, with time given by the tests (no clock, no
 * waiting): jitter off, so every due time is exact.
 */
class DeliveryTests {

	private static final String PREFERENCES_LINK = "http://localhost:8080/email-preferences#token=secret";

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

	private static final String PRIVATE_LINK = "https://groundgame.example/questionnaire/#token=secret-token";

	private Delivery toTheCandidate() {
		return Delivery.planned("event-1", "org.groundgame.endorsement.QuestionnaireIssued.v1", Channel.EMAIL,
				Recipient.addressee("nomination-1"), "jane@candidates.example", "nomination-1", EVENT,
				Content.email("Your candidate questionnaire", "Answer: " + PRIVATE_LINK,
						"<a href=\"" + PRIVATE_LINK + "\">Answer</a>"),
				EVENT);
	}

	@Test
	void anAddresseesMessageIsKeptWhileItMayStillBeSent() {
		Delivery pending = toTheCandidate().afterAttempt(EVENT,
				AttemptResult.retry("FAILED", null, null, "later", null), this.svix, this.random);

		assertThat(pending.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(pending.content().text()).contains(PRIVATE_LINK);
		assertThat(pending.address()).isEqualTo("jane@candidates.example");
	}

	@Test
	void anAddresseesMessageIsForgottenAndTheAddressMaskedOnceDelivered() {
		Delivery delivered = toTheCandidate().afterAttempt(EVENT, AttemptResult.delivered("SENT", null, Duration.ZERO),
				this.svix, this.random);

		assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(delivered.content()).isEqualTo(new Content("Your candidate questionnaire", null, null, null));
		assertThat(delivered.address()).isEqualTo("j…@candidates.example");
		assertThat(delivered.attempts()).hasSize(1);
		// Nothing left to send again.
		assertThat(delivered.replayed(EVENT.plusSeconds(60))).isSameAs(delivered);
	}

	@Test
	void aPersonsMessageWithTheLinksToTheirPreferencesIsKeptWhilePendingAndForgottenOnceDone() {
		Delivery toThePerson = Delivery.planned("event-9", "org.groundgame.volunteer.ShiftSignupConfirmed.v1",
				Channel.EMAIL, Recipient.person("volunteer-1"), "ada@volunteers.example", "shift-1", EVENT,
				Content.personalEmail("You're signed up", "text " + PREFERENCES_LINK, "<p>" + PREFERENCES_LINK + "</p>",
						"http://localhost:8080/api/notifications/unsubscribe?token=p.SHIFTS.s", EmailTopic.SHIFTS),
				EVENT);
		Delivery chapters = Delivery.planned("event-9", "org.groundgame.volunteer.ShiftSignupConfirmed.v1",
				Channel.EMAIL, Recipient.chapter("chapter-1"), "stl@chapters.example", "shift-1", EVENT,
				Content.email("New member", "text", "<p>html</p>"), EVENT);

		Delivery pending = toThePerson.afterAttempt(EVENT, AttemptResult.retry("FAILED", null, null, "later", null),
				this.svix, this.random);
		Delivery delivered = toThePerson.afterAttempt(EVENT, AttemptResult.delivered("SENT", null, Duration.ZERO),
				this.svix, this.random);
		Delivery failed = toThePerson.afterAttempt(EVENT,
				AttemptResult.giveUp("UNSUBSCRIBED", null, "held back", Duration.ZERO), this.svix, this.random);

		assertThat(pending.content()).isEqualTo(toThePerson.content());
		assertThat(delivered.content()).isEqualTo(new Content("You're signed up", null, null, null));
		assertThat(failed.content().hasMessage()).isFalse();
		assertThat(delivered.address()).isEqualTo("ada@volunteers.example");
		assertThat(chapters
			.afterAttempt(EVENT, AttemptResult.delivered("SENT", null, Duration.ZERO), this.svix, this.random)
			.content()
			.text()).isEqualTo("text");
	}

	@Test
	void anAddresseesMessageIsForgottenOnceItFailsForGoodAndCannotBeRetriedThen() {
		Delivery failed = toTheCandidate().afterAttempt(EVENT,
				AttemptResult.giveUp("REJECTED", null, "recipient refused", Duration.ZERO), this.svix, this.random);

		assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(failed.content().hasMessage()).isFalse();
		assertThat(failed.address()).isEqualTo("j…@candidates.example");
		assertThatExceptionOfType(IllegalStateChangeException.class).isThrownBy(() -> failed.retried(EVENT))
			.satisfies((ex) -> assertThat(ex.currentState()).isEqualTo("FORGOTTEN"));
		Delivery exhausted = toTheCandidate();
		Instant at = EVENT;
		while (exhausted.status() == DeliveryStatus.PENDING) {
			exhausted = exhausted.afterAttempt(at, serverError(), this.svix, this.random);
			at = at.plus(Duration.ofDays(1));
		}
		assertThat(exhausted.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(exhausted.content().text()).isNull();
		assertThat(Delivery.masked(exhausted.address())).isEqualTo(exhausted.address());
	}

	@Test
	void aChaptersMessageIsKeptForRetriesAndReplays() {
		Delivery delivered = planned().afterAttempt(EVENT, AttemptResult.delivered("SENT", 200, Duration.ZERO),
				this.svix, this.random);

		assertThat(delivered.content().body()).isEqualTo("{}");
		assertThat(delivered.address()).isEqualTo("https://hooks.example.org/groundgame");
		assertThat(delivered.replayed(EVENT).status()).isEqualTo(DeliveryStatus.PENDING);
	}

	@Test
	void anAddresseeIsOneRecipientAndNoPerson() {
		assertThat(Delivery.idOf("event-1", Recipient.addressee("nomination-1"), Channel.EMAIL))
			.isNotEqualTo(Delivery.idOf("event-1", Recipient.person("nomination-1"), Channel.EMAIL));
		assertThat(Recipient.addressee("nomination-1").personId()).isNull();
		assertThat(Recipient.addressee("nomination-1").hasPersonalAddress()).isTrue();
		assertThat(Recipient.chapter("chapter-1").hasPersonalAddress()).isFalse();
	}

}
