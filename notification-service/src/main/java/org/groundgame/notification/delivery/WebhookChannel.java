package org.groundgame.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.groundgame.notification.delivery.domain.AttemptResult;
import org.groundgame.notification.delivery.domain.Channel;
import org.groundgame.notification.delivery.domain.Delivery;
import org.groundgame.notification.subscription.domain.WebhookEndpoint;
import org.groundgame.notification.subscription.domain.WebhookEndpoints;
import org.groundgame.notification.webhook.WebhookClient;
import org.groundgame.notification.webhook.WebhookRequest;
import org.groundgame.notification.webhook.WebhookResponse;

import org.springframework.stereotype.Component;

/**
 * Webhook attempts: signed with the endpoint's secrets of the moment, with the delivery's
 * id as {@code webhook-id} (the same on every attempt, so that receivers can drop
 * duplicates), and each result reported to the endpoint's health.
 * <p>
 * Before a body carrying a person's data goes out, the chapter is remembered as a
 * receiver of it ({@link PersonalDataSentStore}), and the delivery must still be there:
 * an erasure removes the person's deliveries before it reads who was sent their data, so
 * an attempt either is remembered in time for the erasure notice or finds its delivery
 * gone and sends nothing. A delivery whose body never left (the endpoint's breaker open,
 * its address refused, at every attempt so far) is forgotten again: its receiver never
 * got the data.
 */
@Component
class WebhookChannel implements ChannelSender {

	/** Outcomes of attempts that sent nothing to the receiver. */
	private static final Set<String> NOTHING_SENT = Set.of("CIRCUIT_OPEN", "REFUSED_ADDRESS", "ENDPOINT_REMOVED",
			"ENDPOINT_DISABLED", "ERASED");

	private final WebhookEndpoints endpoints;

	private final WebhookClient client;

	private final PersonalDataSentStore sent;

	private final DeliveryStore store;

	WebhookChannel(WebhookEndpoints endpoints, WebhookClient client, PersonalDataSentStore sent, DeliveryStore store) {
		this.endpoints = endpoints;
		this.client = client;
		this.sent = sent;
		this.store = store;
	}

	@Override
	public Channel channel() {
		return Channel.WEBHOOK;
	}

	@Override
	public AttemptResult attempt(Delivery delivery, Instant at) {
		String chapterId = delivery.recipient().chapterId();
		Optional<WebhookEndpoint> endpoint = this.endpoints.of(chapterId, at)
			.filter((candidate) -> candidate.url().equals(delivery.address()));
		if (endpoint.isEmpty()) {
			return AttemptResult.giveUp("ENDPOINT_REMOVED", null, "the chapter's webhook has changed or was removed",
					null);
		}
		if (!endpoint.get().enabled()) {
			return AttemptResult.giveUp("ENDPOINT_DISABLED", null, "the chapter's webhook is disabled", null);
		}
		String record = null;
		if (delivery.personalDataSubject() != null) {
			record = this.sent.sending(chapterId, delivery.personalDataSubject(), delivery.eventId(),
					delivery.eventType(), at);
			if (!this.store.exists(delivery.id())) {
				this.sent.forget(record);
				return AttemptResult.giveUp("ERASED", null, "the person was erased", null);
			}
		}
		byte[] body = delivery.content().body().getBytes(StandardCharsets.UTF_8);
		WebhookResponse response = this.client
			.post(new WebhookRequest(delivery.id(), at, delivery.address(), endpoint.get().secrets(), body));
		if (record != null && neverSent(delivery, response)) {
			this.sent.forget(record);
		}
		String outcome = response.outcome().name();
		return switch (response.outcome()) {
			case DELIVERED -> {
				// Nothing to clear on an endpoint that was not failing when the attempt
				// began (a failure recorded meanwhile counts as after this success).
				if (endpoint.get().failing()) {
					this.endpoints.succeeded(chapterId, delivery.address(), at);
				}
				yield AttemptResult.delivered(outcome, response.statusCode(), response.took());
			}
			case FAILED -> {
				this.endpoints.failed(chapterId, delivery.address(), at);
				yield AttemptResult.retry(outcome, response.statusCode(), response.retryAfter(), response.detail(),
						response.took());
			}
			case CIRCUIT_OPEN ->
				AttemptResult.retry(outcome, null, response.retryAfter(), response.detail(), response.took());
			case GONE -> {
				this.endpoints.gone(chapterId, delivery.address(), at);
				yield AttemptResult.giveUp(outcome, response.statusCode(), response.detail(), response.took());
			}
			case REFUSED_ADDRESS -> AttemptResult.giveUp(outcome, null, response.detail(), response.took());
		};
	}

	/**
	 * Whether the body has never left this service, in this attempt nor any before (the
	 * breaker was open, the address refused): then the receiver never got the data.
	 */
	private static boolean neverSent(Delivery delivery, WebhookResponse response) {
		return NOTHING_SENT.contains(response.outcome().name())
				&& delivery.attempts().stream().allMatch((attempt) -> NOTHING_SENT.contains(attempt.outcome()));
	}

}
