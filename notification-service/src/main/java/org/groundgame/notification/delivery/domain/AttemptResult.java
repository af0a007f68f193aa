package org.groundgame.notification.delivery.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * What a channel reports of one attempt, reduced to what the delivery's schedule needs.
 *
 * @param verdict whether it worked, may be tried again, or never will
 * @param outcome the channel's own word for it, for the log
 * @param statusCode the HTTP status, for webhooks
 * @param retryAfter how long the recipient asked to be left alone, if it did
 * @param detail a short explanation, never personal data
 * @param took how long the attempt took
 */
public record AttemptResult(Verdict verdict, String outcome, Integer statusCode, Duration retryAfter, String detail,
		Duration took) {

	public enum Verdict {

		/** The recipient accepted it. */
		DELIVERED,

		/** Worth trying again later. */
		RETRY,

		/** Trying again would not help (410 Gone, a refused address, a bad recipient). */
		GIVE_UP

	}

	public AttemptResult {
		Objects.requireNonNull(verdict, "verdict");
		Objects.requireNonNull(outcome, "outcome");
	}

	public static AttemptResult delivered(String outcome, Integer statusCode, Duration took) {
		return new AttemptResult(Verdict.DELIVERED, outcome, statusCode, null, null, took);
	}

	public static AttemptResult retry(String outcome, Integer statusCode, Duration retryAfter, String detail,
			Duration took) {
		return new AttemptResult(Verdict.RETRY, outcome, statusCode, retryAfter, detail, took);
	}

	public static AttemptResult giveUp(String outcome, Integer statusCode, String detail, Duration took) {
		return new AttemptResult(Verdict.GIVE_UP, outcome, statusCode, null, detail, took);
	}

}
