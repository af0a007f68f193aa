package org.groundgame.notification.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The {@code Retry-After} header (RFC 9110, 10.2.3): delta-seconds or an HTTP-date.
 */
final class RetryAfter {

	private RetryAfter() {
	}

	/**
	 * How long the header asks to wait, never negative (a date in the past asks for no
	 * wait); {@code null} when absent or unreadable.
	 */
	static Duration parse(String value, Clock clock) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.chars().allMatch(Character::isDigit)) {
			try {
				return Duration.ofSeconds(Long.parseLong(trimmed));
			}
			catch (NumberFormatException | ArithmeticException ex) {
				// More digits than a long holds: as good as for ever, the schedule caps
				// it.
				return Duration.ofSeconds(Long.MAX_VALUE);
			}
		}
		try {
			// IMF-fixdate, the form senders must use: "Sun, 06 Nov 1994 08:49:37 GMT".
			Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(clock.instant(), at);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
