package org.groundgame.notification.subscription;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.groundgame.notification.subscription.domain.Subscription;
import org.groundgame.notification.subscription.domain.Topic;

/**
 * A subscription as the API shows it. The webhook's secret is shown once, in the answer
 * to the change that set the webhook's URL, and never again.
 */
record SubscriptionResponse(String chapterId, List<Topic> topics, List<String> states, String email,
		WebhookResponse webhook, boolean inbox) {

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record WebhookResponse(String url, String secret) {
	}

	static SubscriptionResponse of(Subscription subscription) {
		return of(subscription, false);
	}

	static SubscriptionResponse of(Subscription subscription, boolean showSecret) {
		WebhookResponse webhook = (subscription.webhook() != null)
				? new WebhookResponse(subscription.webhook().url(), showSecret ? subscription.webhook().secret() : null)
				: null;
		return new SubscriptionResponse(subscription.chapterId(), List.copyOf(subscription.topics()),
				List.copyOf(subscription.states()), subscription.email(), webhook, subscription.inbox());
	}

}
