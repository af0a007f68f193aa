package org.groundgame.notification.delivery.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryScheduleTests {

	private static final List<Duration> SVIX = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
			Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
			Duration.ofHours(10));

	private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	private final SplittableRandom random = new SplittableRandom(42);

	@Test
	void withoutJitterEachAttemptIsDueExactlyItsDelayAfterThePreviousFailure() {
		RetrySchedule schedule = new RetrySchedule(SVIX, 0, Duration.ofHours(24));

		for (int attemptsMade = 0; attemptsMade < SVIX.size(); attemptsMade++) {
			assertThat(schedule.nextAttempt(attemptsMade, NOW, null, this.random))
				.contains(NOW.plus(SVIX.get(attemptsMade)));
		}
	}

	@Test
	void theFirstAttemptIsMadeAtOnce() {
		RetrySchedule schedule = new RetrySchedule(SVIX, 0.2, Duration.ofHours(24));

		assertThat(schedule.nextAttempt(0, NOW, null, this.random)).contains(NOW);
	}

	@Test
	void jitterKeepsEveryDelayWithinItsBoundsAndVariesIt() {
		RetrySchedule schedule = new RetrySchedule(SVIX, 0.2, Duration.ofHours(24));

		for (int attemptsMade = 1; attemptsMade < SVIX.size(); attemptsMade++) {
			Duration delay = SVIX.get(attemptsMade);
			Instant earliest = NOW.plus(delay.multipliedBy(8).dividedBy(10));
			Instant latest = NOW.plus(delay.multipliedBy(12).dividedBy(10));
			Set<Instant> seen = new HashSet<>();
			for (int i = 0; i < 200; i++) {
				Instant next = schedule.nextAttempt(attemptsMade, NOW, null, this.random).orElseThrow();
				assertThat(next).isBetween(earliest, latest);
				seen.add(next);
			}
			assertThat(seen).as("jittered delays of attempt %d", attemptsMade + 1).hasSizeGreaterThan(50);
		}
	}

	@Test
	void theSameSeedGivesTheSameSchedule() {
		RetrySchedule schedule = new RetrySchedule(SVIX, 0.2, Duration.ofHours(24));

		assertThat(schedule.nextAttempt(3, NOW, null, new SplittableRandom(7)))
			.isEqualTo(schedule.nextAttempt(3, NOW, null, new SplittableRandom(7)));
	}

	@Test
	void isExhaustedAfterTheLastDelay() {
		RetrySchedule schedule = new RetrySchedule(SVIX, 0.2, Duration.ofHours(24));

		assertThat(schedule.maxAttempts()).isEqualTo(8);
		assertThat(schedule.nextAttempt(7, NOW, null, this.random)).isPresent();
		assertThat(schedule.nextAttempt(8, NOW, null, this.random)).isEmpty();
		assertThat(schedule.nextAttempt(9, NOW, Duration.ofMinutes(1), this.random)).isEmpty();
	}

	@Test
	void aRetryAfterLaterThanTheScheduleWins() {
		RetrySchedule schedule = new RetrySchedule(SVIX, 0, Duration.ofHours(24));

		assertThat(schedule.nextAttempt(1, NOW, Duration.ofSeconds(120), this.random)).contains(NOW.plusSeconds(120));
	}

	@Test
	void aRetryAfterEarlierThanTheScheduleIsIgnored() {
		RetrySchedule schedule = new RetrySchedule(SVIX, 0, Duration.ofHours(24));

		assertThat(schedule.nextAttempt(2, NOW, Duration.ofSeconds(120), this.random))
			.contains(NOW.plus(Duration.ofMinutes(5)));
	}

	@Test
	void aRetryAfterBeyondTheCapIsCapped() {
		RetrySchedule schedule = new RetrySchedule(SVIX, 0, Duration.ofHours(24));

		assertThat(schedule.nextAttempt(1, NOW, Duration.ofDays(30), this.random))
			.contains(NOW.plus(Duration.ofHours(24)));
	}

	@Test
	void refusesANegativeDelayOrAJitterOutsideZeroToOne() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetrySchedule(List.of(Duration.ofSeconds(-1)), 0, Duration.ofHours(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new RetrySchedule(SVIX, 1.5, Duration.ofHours(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new RetrySchedule(List.of(), 0, Duration.ofHours(1)));
	}

}
