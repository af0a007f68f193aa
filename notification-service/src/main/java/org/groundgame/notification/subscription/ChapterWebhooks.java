package org.groundgame.notification.subscription;

import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.notification.subscription.domain.Webhook;
import org.groundgame.notification.subscription.domain.WebhookDisabled;
import org.groundgame.notification.subscription.domain.WebhookEndpoint;
import org.groundgame.notification.subscription.domain.WebhookEndpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The chapters' webhook endpoints and their health. Every change is a conditional update
 * of the one subscription document, matched on the endpoint's URL, so that the result of
 * an attempt at an old URL never touches a new one, and an endpoint is disabled (and its
 * chapter told, by a {@link WebhookDisabled} application event) exactly once.
 */
@Service
class ChapterWebhooks implements WebhookEndpoints {

	private static final Logger log = LoggerFactory.getLogger(ChapterWebhooks.class);

	private final SubscriptionStore store;

	private final WebhookProperties properties;

	private final ApplicationEventPublisher events;

	ChapterWebhooks(SubscriptionStore store, WebhookProperties properties, ApplicationEventPublisher events,
			MeterRegistry meters) {
		this.store = store;
		this.properties = properties;
		this.events = events;
		Gauge.builder("groundgame.notification.webhooks.disabled", this, ChapterWebhooks::disabledCount)
			.description("Chapters' webhook endpoints disabled (410 Gone, or failing for days)")
			.register(meters);
	}

	long disabledCount() {
		return this.store.countDisabledWebhooks();
	}

	@Override
	public Optional<WebhookEndpoint> of(String chapterId, Instant now) {
		return this.store.findNow(chapterId)
			.filter((subscription) -> subscription.webhook() != null)
			.map((subscription) -> {
				Webhook webhook = subscription.webhook();
				return new WebhookEndpoint(chapterId, webhook.url(), webhook.secretsAt(now), webhook.enabled(),
						webhook.failingSince() != null);
			});
	}

	@Override
	public void succeeded(String chapterId, String url, Instant at) {
		this.store.webhookSucceeded(chapterId, url);
	}

	@Override
	public void failed(String chapterId, String url, Instant at) {
		this.store.webhookFailing(chapterId, url, at);
		this.store.find(chapterId)
			.map((subscription) -> subscription.webhook())
			.filter((webhook) -> webhook != null && webhook.url().equals(url) && webhook.enabled())
			.map((webhook) -> webhook.failed(at, this.properties.disableAfter()))
			.filter((webhook) -> !webhook.enabled())
			.ifPresent((webhook) -> disable(chapterId, url, at, webhook.disabledReason()));
	}

	@Override
	public void gone(String chapterId, String url, Instant at) {
		disable(chapterId, url, at, "the endpoint answered 410 Gone");
	}

	private void disable(String chapterId, String url, Instant at, String reason) {
		if (this.store.disableWebhook(chapterId, url, at, reason)) {
			log.warn("Disabled the webhook of chapter {}: {}", chapterId, reason);
			this.events.publishEvent(new WebhookDisabled(chapterId, url, reason, at));
		}
	}

}
