package org.groundgame.gateway.ratelimit;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.groundgame.gateway.error.EdgeProblems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The gateway's two rate limits (see {@link RateLimitProperties}) and the {@code 429}
 * problem a refused request gets.
 */
public final class RateLimits {

	private final TokenBucketLimiter publicEndpoints;

	private final TokenBucketLimiter clients;

	RateLimits(RateLimitProperties properties, Ticker ticker) {
		this.publicEndpoints = new TokenBucketLimiter(properties.publicEndpoints(), properties.maxTrackedKeys(),
				ticker);
		this.clients = new TokenBucketLimiter(properties.client(), properties.maxTrackedKeys(), ticker);
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
