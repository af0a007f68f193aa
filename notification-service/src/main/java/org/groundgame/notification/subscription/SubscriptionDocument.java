package org.groundgame.notification.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.groundgame.notification.subscription.domain.Subscription;
import org.groundgame.notification.subscription.domain.Topic;
import org.groundgame.notification.subscription.domain.Webhook;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A chapter's subscription as stored, one document per chapter, keyed by the chapter's
 * id. The webhook's signing secrets are sealed by {@link WebhookSecretCipher}.
 */
@Document("subscriptions")
record SubscriptionDocument(@Id String chapterId, List<String> topics, List<String> states, String email,
		String webhookUrl, String webhookSecret, List<RetiredSecretDocument> webhookRetiredSecrets,
		Instant webhookDisabledAt, String webhookDisabledReason, Instant webhookFailingSince, boolean inbox,
		List<String> digestTopics, Instant updatedAt) {

	/** A secret replaced by a rotation, sealed like the current one. */
	record RetiredSecretDocument(String secret, Instant signsUntil) {
	}

	static SubscriptionDocument of(Subscription subscription, Instant updatedAt, WebhookSecretCipher cipher) {
		Webhook webhook = subscription.webhook();
		return new SubscriptionDocument(subscription.chapterId(), names(subscription.topics()),
				List.copyOf(subscription.states()), subscription.email(), (webhook != null) ? webhook.url() : null,
				(webhook != null) ? cipher.seal(webhook.secret()) : null,
				(webhook != null) ? webhook.retiredSecrets()
					.stream()
					.map((retired) -> new RetiredSecretDocument(cipher.seal(retired.secret()), retired.signsUntil()))
					.toList() : null,
				(webhook != null) ? webhook.disabledAt() : null, (webhook != null) ? webhook.disabledReason() : null,
				(webhook != null) ? webhook.failingSince() : null, subscription.inbox(),
				names(subscription.digestTopics()), updatedAt);
	}

	private static List<String> names(Set<Topic> topics) {
		return topics.stream().map(Topic::name).toList();
	}

	Subscription toSubscription(WebhookSecretCipher cipher) {
		Webhook webhook = (this.webhookUrl != null) ? new Webhook(this.webhookUrl, cipher.open(this.webhookSecret),
				retired(this.webhookRetiredSecrets, cipher), this.webhookDisabledAt, this.webhookDisabledReason,
				this.webhookFailingSince) : null;
		return new Subscription(this.chapterId, topics(this.topics),
				(this.states != null) ? Set.copyOf(this.states) : Set.of(), this.email, webhook, this.inbox,
				topics(this.digestTopics));
	}

	private static List<Webhook.RetiredSecret> retired(List<RetiredSecretDocument> documents,
			WebhookSecretCipher cipher) {
		return (documents != null) ? documents.stream()
			.map((document) -> new Webhook.RetiredSecret(cipher.open(document.secret()), document.signsUntil()))
			.toList() : List.of();
	}

	private static Set<Topic> topics(List<String> names) {
		return (names != null) ? Set.copyOf(names.stream().flatMap((name) -> Topic.named(name).stream()).toList())
				: Set.of();
	}

}
