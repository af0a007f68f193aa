package org.groundgame.notification.subscription;

import java.util.List;

import org.groundgame.notification.subscription.domain.SubscriptionChange;

/**
 * A subscription as a chapter sends it. Everything is checked by the domain, so that one
 * answer names every field at fault (topics and states by their index).
 */
record SubscriptionRequest(List<String> topics, List<String> states, String email, WebhookRequest webhook,
		Boolean inbox, List<String> digestTopics) {

	/**
	 * @param enabled {@code true} to enable a disabled endpoint again
	 */
	record WebhookRequest(String url, Boolean enabled) {
	}

	SubscriptionChange toChange() {
		return new SubscriptionChange(this.topics, this.states, this.email,
				(this.webhook != null) ? this.webhook.url() : null, this.webhook != null, this.inbox, this.digestTopics,
				(this.webhook != null) ? this.webhook.enabled() : null);
	}

}
