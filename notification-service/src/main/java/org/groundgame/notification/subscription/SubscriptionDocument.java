package org.groundgame.notification.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.groundgame.notification.subscription.domain.Subscription;
import org.groundgame.notification.subscription.domain.Topic;
import org.groundgame.notification.subscription.domain.Webhook;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A chapter's subscription as stored, one document per chapter, keyed by the chapter's
 * id. The webhook's signing secret is stored as is: encrypting it at rest is still to
 * come.
 */
@Document("subscriptions")
record SubscriptionDocument(@Id String chapterId, List<String> topics, @Indexed List<String> states, String email,
		String webhookUrl, String webhookSecret, boolean inbox, Instant updatedAt) {

	static SubscriptionDocument of(Subscription subscription, Instant updatedAt) {
		Webhook webhook = subscription.webhook();
		return new SubscriptionDocument(subscription.chapterId(),
				subscription.topics().stream().map(Topic::name).toList(), List.copyOf(subscription.states()),
				subscription.email(), (webhook != null) ? webhook.url() : null,
				(webhook != null) ? webhook.secret() : null, subscription.inbox(), updatedAt);
	}

	Subscription toSubscription() {
		List<Topic> known = (this.topics != null)
				? this.topics.stream().flatMap((name) -> Topic.named(name).stream()).toList() : List.of();
		return new Subscription(this.chapterId, Set.copyOf(known),
				(this.states != null) ? Set.copyOf(this.states) : Set.of(), this.email,
				(this.webhookUrl != null) ? new Webhook(this.webhookUrl, this.webhookSecret) : null, this.inbox);
	}

}
