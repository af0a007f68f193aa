package org.groundgame.gateway.ratelimit;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's rate limits, {@code groundgame.gateway.rate-limits.*}: token buckets that
 * allow a burst of {@code capacity} requests and refill {@code capacity} tokens evenly
 * over each {@code refill-period}. The defaults are in {@code application.yml}.
 *
 * @param publicEndpoints requests without a bearer token, per client address
 * ({@code public.*})
 * @param client requests with a valid token, per client (the token's subject)
 * ({@code client.*})
 * @param maxTrackedKeys how many addresses or clients each limit's local buckets (while
 * the shared store cannot be reached) track at most: idle ones are forgotten after a
 * refill period (their bucket would be full again), and past this number the least
 * recently seen are
 * @param storeTimeout how long a request waits for the shared store (to find a server, to
 * connect, to read) before it is counted in this instance's local buckets instead
 */
@Validated
@ConfigurationProperties("groundgame.gateway.rate-limits")
public record RateLimitProperties(@Name("public") @NotNull @Valid Limit publicEndpoints, @NotNull @Valid Limit client,
		@Positive @DefaultValue("100000") int maxTrackedKeys, @NotNull @DefaultValue("500ms") Duration storeTimeout) {

	/**
	 * One token bucket's shape.
	 *
	 * @param capacity the burst allowed, and how many requests each refill period adds
	 * @param refillPeriod the time in which an empty bucket fills up again
	 */
	public record Limit(@Positive long capacity, @NotNull Duration refillPeriod) {

		public Limit {
			if (refillPeriod != null && (refillPeriod.isZero() || refillPeriod.isNegative())) {
				throw new IllegalArgumentException("refill-period must be positive, not " + refillPeriod);
			}
		}

	}

}
