package org.groundgame.gateway.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Ticker;
import com.mongodb.MongoException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.dao.DataAccessException;

/**
 * One rate limit (requests per address, or per client), its buckets shared by every
 * gateway instance ({@link BucketStore}), so that two instances allow a key its
 * {@code capacity} once, not twice.
 * <p>
 * When the store cannot be reached, the limit holds in this instance only: each request
 * is counted in a local bucket of the same shape ({@link TokenBucketLimiter}), and
 * {@code groundgame.gateway.rate-limits.local} counts the requests so decided. Neither
 * alternative is acceptable: refusing everyone while the store blips would take the whole
 * platform down with it, and letting everyone through would let a guesser or a scraper
 * through unlimited. With local buckets a key may get its allowance once per instance
 * while the store is away, and no more. The store's calls go through a circuit breaker
 * ({@code rate-limit-store}), so that while it is down requests do not each wait for its
 * time-out: they go to the local buckets at once, and a few at a time try the store again
 * after {@code wait-duration-in-open-state}. What the local buckets counted is not
 * carried over to the shared ones.
 */
final class SharedBucketLimiter {

	/** The name of the store's circuit breaker. */
	static final String CIRCUIT_BREAKER = "rate-limit-store";

	static final String LOCAL_DECISIONS = "groundgame.gateway.rate-limits.local";

	/**
	 * The limit's name and shape, before each key: buckets of a changed shape are new
	 * ones (those of the former shape expire), and never a bucket of another shape.
	 */
	private final String prefix;

	private final BucketConfiguration configuration;

	private final BucketStore store;

	private final CircuitBreaker breaker;

	private final TokenBucketLimiter local;

	private final Counter decidedLocally;

	/**
	 * @param name the limit's name, which prefixes its keys in the store and tags its
	 * metric
	 * @param limit the buckets' shape
	 * @param maxLocalKeys how many keys the local buckets track at most
	 * @param store the shared buckets
	 * @param breaker the store's circuit breaker
	 * @param ticker the local buckets' clock
	 * @param meters where {@value #LOCAL_DECISIONS} is counted
	 */
	SharedBucketLimiter(String name, RateLimitProperties.Limit limit, int maxLocalKeys, BucketStore store,
			CircuitBreaker breaker, Ticker ticker, MeterRegistry meters) {
		this.prefix = name + ":" + limit.capacity() + "/" + limit.refillPeriod() + ":";
		this.configuration = BucketConfiguration.builder()
			.addLimit(Bandwidth.builder()
				.capacity(limit.capacity())
				.refillGreedy(limit.capacity(), limit.refillPeriod())
				.build())
			.build();
		this.store = store;
		this.breaker = breaker;
		this.local = new TokenBucketLimiter(limit, maxLocalKeys, ticker);
		this.decidedLocally = Counter.builder(LOCAL_DECISIONS)
			.description("Requests counted in this instance's own buckets while the shared ones could not be reached")
			.tag("limit", name)
			.register(meters);
	}

	/**
	 * Takes a token from the key's bucket if it has one.
	 * @param key whom the request is counted against
	 * @return {@link Duration#ZERO} if the request may go on, else how long until the
	 * bucket has a token again
	 */
	Duration tryTake(String key) {
		ConsumptionProbe probe;
		try {
			probe = this.breaker.executeSupplier(() -> this.store.builder()
				.build(this.prefix + key, () -> this.configuration)
				.tryConsumeAndReturnRemaining(1));
		}
		catch (CallNotPermittedException | DataAccessException | MongoException ex) {
			this.decidedLocally.increment();
			return this.local.tryTake(key);
		}
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
	}

}
