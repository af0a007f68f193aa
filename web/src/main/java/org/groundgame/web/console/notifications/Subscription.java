package org.groundgame.web.console.notifications;

import java.time.Instant;
import java.util.List;

/**
 * A chapter's subscription as notification-service shows it: what it hears of (topics,
 * and states besides its own), where (inbox, e-mail, a daily digest, a webhook).
 */
public record Subscription(String chapterId, List<String> topics, List<String> states, String email, Webhook webhook,
		boolean inbox, List<String> digestTopics) {

	public Subscription {
		topics = (topics != null) ? topics : List.of();
		states = (states != null) ? states : List.of();
		digestTopics = (digestTopics != null) ? digestTopics : List.of();
	}

	/**
	 * The chapter's webhook; {@code secret} only in the answer that made it (a new URL or
	 * a rotation).
	 */
	public record Webhook(String url, String secret, boolean enabled, Instant disabledAt, String disabledReason,
			Instant previousSecretExpiresAt) {

	}

}
