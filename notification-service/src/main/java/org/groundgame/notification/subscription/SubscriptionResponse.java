package org.groundgame.notification.subscription;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.groundgame.notification.subscription.domain.Subscription;
import org.groundgame.notification.subscription.domain.Topic;
import org.groundgame.notification.subscription.domain.Webhook;

/**
 * A subscription as the API shows it. The webhook's secret is shown once, in the answer
 * to the change that set the webhook's URL, and never again.
 */
record SubscriptionResponse(String chapterId, List<Topic> topics, List<String> states, String email,
		WebhookResponse webhook, boolean inbox, List<Topic> digestTopics) {

	/**
	 * @param enabled whether deliveries go to it; a disabled endpoint says when and why
	 * @param previousSecretExpiresAt until when the secret before the last rotation still
	 * signs beside the current one (those replaced earlier sign until their own time)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record WebhookResponse(String url, String secret, boolean enabled, Instant disabledAt, String disabledReason,
			Instant previousSecretExpiresAt) {

		static WebhookResponse of(Webhook webhook, boolean showSecret) {
			return new WebhookResponse(webhook.url(), showSecret ? webhook.secret() : null, webhook.enabled(),
					webhook.disabledAt(), webhook.disabledReason(), webhook.previousSecretExpiresAt());
		}

	}

	static SubscriptionResponse of(Subscription subscription) {
		return of(subscription, false);
	}

	static SubscriptionResponse of(Subscription subscription, boolean showSecret) {
		WebhookResponse webhook = (subscription.webhook() != null)
				? WebhookResponse.of(subscription.webhook(), showSecret) : null;
		return new SubscriptionResponse(subscription.chapterId(), List.copyOf(subscription.topics()),
				List.copyOf(subscription.states()), subscription.email(), webhook, subscription.inbox(),
				List.copyOf(subscription.digestTopics()));
	}

}
