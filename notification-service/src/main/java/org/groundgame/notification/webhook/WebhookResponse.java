package org.groundgame.notification.webhook;

import java.time.Duration;

/**
 * How one attempt at delivering a webhook went.
 *
 * @param outcome what became of it
 * @param statusCode the HTTP status the endpoint answered, or {@code null} when there was
 * no answer
 * @param retryAfter how long the endpoint asked to be left alone ({@code Retry-After}),
 * or {@code null}
 * @param detail a short explanation for people looking at the delivery (never the body or
 * a secret)
 * @param took how long the attempt took
 */
public record WebhookResponse(Outcome outcome, Integer statusCode, Duration retryAfter, String detail, Duration took) {

	/**
	 * An attempt the endpoint never answered: refused before any connection, not
	 * attempted, or failed without an answer.
	 * @param outcome what became of it
	 * @param detail a short explanation (never a body or a secret)
	 * @param took how long the attempt took
	 */
	public static WebhookResponse unanswered(Outcome outcome, String detail, Duration took) {
		return new WebhookResponse(outcome, null, null, detail, took);
	}

	/** What became of an attempt. */
	public enum Outcome {

		/** The endpoint answered 2xx. */
		DELIVERED,

		/**
		 * Worth trying again: 5xx, 429, 408, any other non-2xx but 410, a time-out, a
		 * connection or I/O failure.
		 */
		FAILED,

		/** The endpoint answered 410 Gone: it must be disabled. */
		GONE,

		/**
		 * The endpoint's host resolved to an address the platform must not call (this
		 * machine or a private network): no connection was made.
		 */
		REFUSED_ADDRESS,

		/** The endpoint's circuit breaker is open: it was not attempted. */
		CIRCUIT_OPEN

	}

}
