package org.groundgame.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;

/**
 * One token bucket per key (a client address, a client), Bucket4j's: a key may spend
 * {@code capacity} requests at once, and tokens come back evenly (a greedy refill),
 * {@code capacity} per refill period. Buckets live in memory, in this gateway instance
 * only (Bucket4j's lock-free local buckets, so concurrent requests never take more than
 * there is); a key unseen for a refill period is forgotten (its bucket would be full
 * again anyway), and the number of keys is bounded.
 * <p>
 * The buckets' shape is one {@link BucketConfiguration}: buckets on a store shared by
 * several instances would be Bucket4j's {@code ProxyManager}'s, built from the same
 * configuration ({@code proxyManager.builder().build(key, () -> configuration)}), in
 * place of the local cache here.
 */
final class TokenBucketLimiter {

	private final BucketConfiguration configuration;

	private final TimeMeter time;

	private final Cache<String, Bucket> buckets;

	TokenBucketLimiter(RateLimitProperties.Limit limit, int maxKeys, Ticker ticker) {
		this.configuration = BucketConfiguration.builder()
			.addLimit(Bandwidth.builder()
				.capacity(limit.capacity())
				.refillGreedy(limit.capacity(), limit.refillPeriod())
				.build())
			.build();
		this.time = new TickerTime(ticker);
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
		ConsumptionProbe probe = this.buckets.get(key, (newKey) -> newBucket()).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
	}

	/** How many keys are tracked now, for tests. */
	long trackedKeys() {
		this.buckets.cleanUp();
		return this.buckets.estimatedSize();
	}

	private Bucket newBucket() {
		LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(this.time);
		for (Bandwidth bandwidth : this.configuration.getBandwidths()) {
			builder.addLimit(bandwidth);
		}
		return builder.build();
	}

	/**
	 * Whole seconds for {@code Retry-After}, rounded up and at least one.
	 * @param wait the time until a token is back
	 * @return the seconds to tell the client
	 */
	static long retryAfterSeconds(Duration wait) {
		return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait.toNanos() + TimeUnit.SECONDS.toNanos(1) - 1));
	}

	/** The buckets' clock: the cache's, so that tests move both at once. */
	private record TickerTime(Ticker ticker) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			return this.ticker.read();
		}

		@Override
		public boolean isWallClockBased() {
			return false;
		}

	}

}
