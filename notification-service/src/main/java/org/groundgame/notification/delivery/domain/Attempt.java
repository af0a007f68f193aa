package org.groundgame.notification.delivery.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One try at delivering, as the delivery log shows it.
 *
 * @param outcome what came of it, in the channel's words ({@code DELIVERED},
 * {@code FAILED}, {@code GONE}, {@code CIRCUIT_OPEN}, {@code SENT}, {@code REJECTED}, …)
 * @param statusCode the HTTP status a webhook endpoint answered, if it answered
 * @param detail a short explanation of a failure, never personal data
 * @param took how long the attempt took
 */
public record Attempt(Instant at, String outcome, Integer statusCode, String detail, Duration took) {

	public Attempt {
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(outcome, "outcome");
		took = (took != null) ? took : Duration.ZERO;
	}

}
