package org.groundgame.notification.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How each webhook attempt is made. Every setting has a default; an unset one takes it.
 * When attempts are retried is the delivery's business
 * ({@code groundgame.notification.delivery.*}), the same for e-mail.
 *
 * @param timeout how long one attempt may take in all, connecting and reading the whole
 * response included
 * @param connectTimeout how long connecting may take
 * @param breaker the circuit breaker each endpoint has
 */
@ConfigurationProperties("groundgame.notification.webhooks.delivery")
public record WebhookDeliveryProperties(Duration timeout, Duration connectTimeout, Breaker breaker) {

	public WebhookDeliveryProperties {
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(10);
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(3);
		breaker = (breaker != null) ? breaker : new Breaker(null, null, null, null, null);
	}

	/** Every setting at its default. */
	public static WebhookDeliveryProperties defaults() {
		return new WebhookDeliveryProperties(null, null, null);
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
