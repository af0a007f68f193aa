package org.groundgame.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The token bucket, on a clock the tests move. */
class TokenBucketLimiterTests {

	private final AtomicLong clock = new AtomicLong();

	private final TokenBucketLimiter limiter = new TokenBucketLimiter(
			new RateLimitProperties.Limit(3, Duration.ofSeconds(30)), 1000, this.clock::get);

	@Test
	void allowsABurstOfItsCapacityThenRefuses() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.limiter.tryTake("a")).isZero();
		}

		assertThat(this.limiter.tryTake("a")).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void tokensComeBackEvenlyOverTheRefillPeriod() {
		takeAll("a");

		advance(Duration.ofSeconds(4));
		assertThat(this.limiter.tryTake("a")).isEqualTo(Duration.ofSeconds(6));
		advance(Duration.ofSeconds(6));
		assertThat(this.limiter.tryTake("a")).isZero();
		assertThat(this.limiter.tryTake("a")).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void neverHoldsMoreThanItsCapacity() {
		advance(Duration.ofHours(1));

		takeAll("a");

		assertThat(this.limiter.tryTake("a")).isPositive();
	}

	@Test
	void eachKeyHasItsOwnBucket() {
		takeAll("a");

		assertThat(this.limiter.tryTake("b")).isZero();
	}

	@Test
	void forgetsKeysIdleForARefillPeriod() {
		this.limiter.tryTake("a");
		this.limiter.tryTake("b");
		assertThat(this.limiter.trackedKeys()).isEqualTo(2);

		advance(Duration.ofSeconds(31));

		assertThat(this.limiter.trackedKeys()).isZero();
	}

	@Test
	void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
		assertThat(TokenBucketLimiter.retryAfterSeconds(Duration.ofNanos(1))).isEqualTo(1);
		assertThat(TokenBucketLimiter.retryAfterSeconds(Duration.ofSeconds(10))).isEqualTo(10);
		assertThat(TokenBucketLimiter.retryAfterSeconds(Duration.ofMillis(10_001))).isEqualTo(11);
	}

	@Test
	void concurrentRequestsGetExactlyTheCapacity() throws Exception {
		TokenBucketLimiter shared = new TokenBucketLimiter(new RateLimitProperties.Limit(100, Duration.ofHours(1)),
				1000, this.clock::get);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> attempts = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
			for (int i = 0; i < 1000; i++) {
				attempts.add(threads.submit(() -> {
					start.await();
					return shared.tryTake("everyone").isZero();
				}));
			}
			start.countDown();
			long granted = 0;
			for (Future<Boolean> attempt : attempts) {
				granted += attempt.get() ? 1 : 0;
			}
			assertThat(granted).isEqualTo(100);
		}
	}

	private void takeAll(String key) {
		for (int i = 0; i < 3; i++) {
			assertThat(this.limiter.tryTake(key)).isZero();
		}
	}

	private void advance(Duration duration) {
		this.clock.addAndGet(duration.toNanos());
	}

}
