package org.groundgame.gateway.ratelimit;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Ticker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.groundgame.gateway.error.EdgeProblems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The gateway's two rate limits (see {@link RateLimitProperties}), shared by every
 * gateway instance ({@link SharedBucketLimiter}), and the {@code 429} problem a refused
 * request gets.
 */
public final class RateLimits {

	private final SharedBucketLimiter publicEndpoints;

	private final SharedBucketLimiter clients;

	RateLimits(RateLimitProperties properties, BucketStore store, CircuitBreaker storeBreaker, Ticker localTicker,
			MeterRegistry meters) {
		this.publicEndpoints = new SharedBucketLimiter("public", properties.publicEndpoints(),
				properties.maxTrackedKeys(), store, storeBreaker, localTicker, meters);
		this.clients = new SharedBucketLimiter("client", properties.client(), properties.maxTrackedKeys(), store,
				storeBreaker, localTicker, meters);
	}

	Duration tryTakePublic(String clientAddress) {
		return this.publicEndpoints.tryTake(clientAddress);
	}

	Duration tryTakeClient(String subject) {
		return this.clients.tryTake(subject);
	}

	static void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait, String whose)
			throws IOException {
		long seconds = TokenBucketLimiter.retryAfterSeconds(wait);
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		EdgeProblems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, EdgeProblems.TOO_MANY_REQUESTS,
				"Too many requests from " + whose + "; try again in " + seconds + " s.", Map.of("retryAfter", seconds));
	}

}
