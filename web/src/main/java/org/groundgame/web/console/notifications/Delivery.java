package org.groundgame.web.console.notifications;

import java.time.Instant;
import java.util.List;

/**
 * A delivery of the log: where it went (an e-mail or a webhook), what became of it, and
 * every attempt.
 */
public record Delivery(String id, String eventType, String channel, String address, String title, String status,
		int attemptCount, List<Attempt> attempts, Instant nextAttemptAt, Instant occurredAt, Instant createdAt,
		Instant completedAt) {

	public Delivery {
		attempts = (attempts != null) ? attempts : List.of();
	}

	/** The latest attempt, or {@code null} before the first. */
	public Attempt lastAttempt() {
		return this.attempts.isEmpty() ? null : this.attempts.get(this.attempts.size() - 1);
	}

	public boolean isFailed() {
		return "FAILED".equals(this.status);
	}

	/** One attempt: when, its outcome, the HTTP status if any, and what went wrong. */
	public record Attempt(Instant at, String outcome, Integer statusCode, String detail, long tookMillis) {

	}

}
