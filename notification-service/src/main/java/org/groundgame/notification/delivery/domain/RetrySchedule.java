package org.groundgame.notification.delivery.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a delivery is attempted again after a failure: attempt {@code k + 1} is due
 * {@code delays[k]} after the failure of attempt {@code k}, spread by a random jitter so
 * that the retries of many deliveries that failed together (an endpoint or the SMTP
 * server down for a while) do not come back together. The first delay is usually zero:
 * the first attempt is made at once.
 * <p>
 * A receiver that asks for more time ({@code Retry-After}) gets it, up to a cap, so that
 * a misbehaving one cannot park a delivery for ever.
 */
public final class RetrySchedule {

	private final List<Duration> delays;

	private final double jitter;

	private final Duration retryAfterCap;

	/**
	 * @param delays the delay before each attempt, the first one's counted from when the
	 * delivery was created; as many attempts are made as there are delays
	 * @param jitter how much each delay may vary either way, as a fraction of it
	 * ({@code 0.2}: ±20%), in {@code [0, 1]}
	 * @param retryAfterCap the longest wait a receiver's {@code Retry-After} may impose
	 */
	public RetrySchedule(List<Duration> delays, double jitter, Duration retryAfterCap) {
		Objects.requireNonNull(delays, "delays");
		Objects.requireNonNull(retryAfterCap, "retryAfterCap");
		if (delays.isEmpty()) {
			throw new IllegalArgumentException("A retry schedule needs at least one delay");
		}
		if (delays.stream().anyMatch((delay) -> delay == null || delay.isNegative())) {
			throw new IllegalArgumentException("Delays must not be negative");
		}
		if (!(jitter >= 0 && jitter <= 1)) {
			throw new IllegalArgumentException("Jitter must be in [0, 1], was " + jitter);
		}
		if (retryAfterCap.isNegative()) {
			throw new IllegalArgumentException("The Retry-After cap must not be negative");
		}
		this.delays = List.copyOf(delays);
		this.jitter = jitter;
		this.retryAfterCap = retryAfterCap;
	}

	/** How many attempts a delivery gets in all. */
	public int maxAttempts() {
		return this.delays.size();
	}

	/**
	 * When the next attempt is due.
	 * @param attemptsMade how many attempts have been made so far (and failed)
	 * @param now when the last one failed (or, with none made, when the delivery was
	 * created)
	 * @param retryAfter how long the receiver asked to be left alone, or {@code null}
	 * @param random the source of the jitter
	 * @return when to attempt again, or empty when every attempt has been made
	 */
	public Optional<Instant> nextAttempt(int attemptsMade, Instant now, Duration retryAfter, RandomGenerator random) {
		if (attemptsMade < 0) {
			throw new IllegalArgumentException("Attempts made must not be negative, was " + attemptsMade);
		}
		if (attemptsMade >= this.delays.size()) {
			return Optional.empty();
		}
		Instant scheduled = now.plus(jittered(this.delays.get(attemptsMade), random));
		if (retryAfter != null && retryAfter.isPositive()) {
			Instant asked = now.plus(min(retryAfter, this.retryAfterCap));
			if (asked.isAfter(scheduled)) {
				return Optional.of(asked);
			}
		}
		return Optional.of(scheduled);
	}

	private Duration jittered(Duration delay, RandomGenerator random) {
		if (this.jitter == 0 || delay.isZero()) {
			return delay;
		}
		double factor = 1 + random.nextDouble(-this.jitter, this.jitter);
		long millis = Math.round(delay.toMillis() * factor);
		return Duration.ofMillis(Math.max(0, millis));
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	@Override
	public String toString() {
		return "RetrySchedule" + this.delays + " ±" + Math.round(this.jitter * 100) + "%";
	}

}
