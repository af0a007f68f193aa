package org.groundgame.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * One token bucket per key (a client address, a client): a key may spend {@code capacity}
 * requests at once, and tokens come back evenly, {@code capacity} per refill period.
 * Buckets live in memory, in this gateway instance only; a key unseen for a refill period
 * is forgotten (its bucket would be full again anyway), and the number of keys is
 * bounded.
 */
final class TokenBucketLimiter {

	private final double capacity;

	private final long refillNanos;

	private final Ticker ticker;

	private final Cache<String, Bucket> buckets;

	TokenBucketLimiter(RateLimitProperties.Limit limit, int maxKeys, Ticker ticker) {
		this.capacity = limit.capacity();
		this.refillNanos = limit.refillPeriod().toNanos();
		this.ticker = ticker;
		this.buckets = Caffeine.newBuilder()
			.ticker(ticker)
			.expireAfterAccess(limit.refillPeriod())
			.maximumSize(maxKeys)
			.build();
	}

	/**
	 * Takes a token from the key's bucket if it has one.
	 * @param key whom the request is counted against
	 * @return {@link Duration#ZERO} if the request may go on, else how long until the
	 * bucket has a token again
	 */
	Duration tryTake(String key) {
		long now = this.ticker.read();
		long waitNanos = this.buckets.get(key, (newKey) -> new Bucket(this.capacity, now)).tryTake(now);
		return Duration.ofNanos(waitNanos);
	}

	/** How many keys are tracked now, for tests. */
	long trackedKeys() {
		this.buckets.cleanUp();
		return this.buckets.estimatedSize();
	}

	private final class Bucket {

		private double tokens;

		private long refilledAt;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.refilledAt = now;
		}

		synchronized long tryTake(long now) {
			long wait = peek(now);
			if (wait == 0) {
				this.tokens -= 1;
			}
			return wait;
		}

		synchronized long peek(long now) {
			long elapsed = now - this.refilledAt;
			if (elapsed > 0) {
				this.tokens = Math.min(TokenBucketLimiter.this.capacity,
						this.tokens + elapsed * TokenBucketLimiter.this.capacity / TokenBucketLimiter.this.refillNanos);
				this.refilledAt = now;
			}
			if (this.tokens >= 1) {
				return 0;
			}
			double missing = 1 - this.tokens;
			return Math.max(1,
					(long) Math.ceil(missing * TokenBucketLimiter.this.refillNanos / TokenBucketLimiter.this.capacity));
		}

	}

	/**
	 * Whole seconds for {@code Retry-After}, rounded up and at least one.
	 * @param wait the time until a token is back
	 * @return the seconds to tell the client
	 */
	static long retryAfterSeconds(Duration wait) {
		return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait.toNanos() + TimeUnit.SECONDS.toNanos(1) - 1));
	}

}
