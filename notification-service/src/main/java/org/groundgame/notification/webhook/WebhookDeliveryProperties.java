package org.groundgame.notification.webhook;

import java.time.Duration;
import java.util.List;

import org.groundgame.notification.delivery.domain.RetrySchedule;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How webhooks are delivered. Every setting has a default; an unset one takes it.
 *
 * @param timeout how long one attempt may take in all, connecting and reading the whole
 * response included
 * @param connectTimeout how long connecting may take
 * @param retrySchedule the delay before each attempt (the first counted from the event),
 * Svix's by default: at once, then 5 seconds, 5 minutes, 30 minutes, 2 hours, 5 hours, 10
 * hours and 10 hours after each failure
 * @param jitter how much each delay varies either way, as a fraction ({@code 0.2}: ±20%)
 * @param retryAfterCap the longest wait an endpoint's {@code Retry-After} may impose
 * @param breaker the circuit breaker each endpoint has
 */
@ConfigurationProperties("groundgame.notification.webhooks.delivery")
public record WebhookDeliveryProperties(Duration timeout, Duration connectTimeout, List<Duration> retrySchedule,
		Double jitter, Duration retryAfterCap, Breaker breaker) {

	static final List<Duration> SVIX_SCHEDULE = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
			Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
			Duration.ofHours(10));

	public WebhookDeliveryProperties {
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(10);
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(3);
		retrySchedule = (retrySchedule != null && !retrySchedule.isEmpty()) ? List.copyOf(retrySchedule)
				: SVIX_SCHEDULE;
		jitter = (jitter != null) ? jitter : 0.2;
		retryAfterCap = (retryAfterCap != null) ? retryAfterCap : Duration.ofHours(24);
		breaker = (breaker != null) ? breaker : new Breaker(null, null, null, null, null);
	}

	/** Every setting at its default. */
	public static WebhookDeliveryProperties defaults() {
		return new WebhookDeliveryProperties(null, null, null, null, null, null);
	}

	/** The retry schedule these settings describe. */
	public RetrySchedule schedule() {
		return new RetrySchedule(this.retrySchedule, this.jitter, this.retryAfterCap);
	}

	/**
	 * The circuit breaker of each endpoint: it opens when, of the last
	 * {@code slidingWindowSize} attempts (once there were {@code minimumCalls}), at least
	 * {@code failureRateThreshold} percent failed; while open, attempts fail at once
	 * ({@code CIRCUIT_OPEN}) without reaching the endpoint; after {@code waitInOpenState}
	 * it lets {@code halfOpenCalls} trial attempts through, and closes again if they
	 * succeed.
	 *
	 * @param failureRateThreshold percent of failed attempts that opens the breaker
	 * @param minimumCalls attempts needed before the failure rate counts
	 * @param slidingWindowSize how many of the last attempts the failure rate is over
	 * @param waitInOpenState how long the breaker stays open
	 * @param halfOpenCalls trial attempts let through after that
	 */
	public record Breaker(Float failureRateThreshold, Integer minimumCalls, Integer slidingWindowSize,
			Duration waitInOpenState, Integer halfOpenCalls) {

		public Breaker {
			failureRateThreshold = (failureRateThreshold != null) ? failureRateThreshold : 50f;
			minimumCalls = (minimumCalls != null) ? minimumCalls : 5;
			slidingWindowSize = (slidingWindowSize != null) ? Math.max(slidingWindowSize, minimumCalls)
					: Math.max(10, minimumCalls);
			waitInOpenState = (waitInOpenState != null) ? waitInOpenState : Duration.ofSeconds(60);
			halfOpenCalls = (halfOpenCalls != null) ? halfOpenCalls : 1;
		}

	}

}
