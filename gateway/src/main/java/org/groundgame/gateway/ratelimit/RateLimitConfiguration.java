package org.groundgame.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Ticker;
import com.mongodb.MongoException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import org.groundgame.gateway.edge.EdgeFilterOrder;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;

/**
 * The rate limits, their buckets shared by every gateway instance on the gateway's own
 * MongoDB database ({@link BucketStore}), with local buckets while it cannot be reached
 * ({@link SharedBucketLimiter}).
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	@Bean
	RateLimits rateLimits(RateLimitProperties properties, BucketStore store, CircuitBreakerRegistry circuitBreakers,
			MeterRegistry meters) {
		return new RateLimits(properties, store, storeCircuitBreaker(circuitBreakers), Ticker.systemTicker(), meters);
	}

	@Bean
	ExpiredBuckets expiredBuckets(BucketStore store) {
		return new ExpiredBuckets(store);
	}

	/**
	 * The store is asked on every counted request: it must answer quickly or not at all.
	 * Past {@code store-timeout} the request is counted locally instead (the driver's
	 * defaults wait up to 30 s for a server).
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer rateLimitStoreTimeouts(RateLimitProperties properties) {
		long millis = properties.storeTimeout().toMillis();
		return (settings) -> settings
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
			.applyToSocketSettings((socket) -> socket.connectTimeout(millis, TimeUnit.MILLISECONDS)
				.readTimeout(millis, TimeUnit.MILLISECONDS));
	}

	@Bean
	FilterRegistrationBean<AddressRateLimitFilter> addressRateLimitFilter(RateLimits limits) {
		FilterRegistrationBean<AddressRateLimitFilter> registration = new FilterRegistrationBean<>(
				new AddressRateLimitFilter(limits));
		registration.setOrder(EdgeFilterOrder.ADDRESS_RATE_LIMIT);
		return registration;
	}

	/**
	 * Opens when half of the last 20 calls to the store failed (at least 10), and tries
	 * it again after 10 s: configured here rather than in {@code application.yml}, whose
	 * default configuration is the routes' (what counts as a service's failure). An
	 * instance {@code resilience4j.circuitbreaker.instances.rate-limit-store} there takes
	 * precedence.
	 */
	static CircuitBreaker storeCircuitBreaker(CircuitBreakerRegistry circuitBreakers) {
		return circuitBreakers.circuitBreaker(SharedBucketLimiter.CIRCUIT_BREAKER,
				CircuitBreakerConfig.custom()
					.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
					.slidingWindowSize(20)
					.minimumNumberOfCalls(10)
					.failureRateThreshold(50)
					.waitDurationInOpenState(Duration.ofSeconds(10))
					.permittedNumberOfCallsInHalfOpenState(3)
					.recordExceptions(DataAccessException.class, MongoException.class)
					.build());
	}

}
