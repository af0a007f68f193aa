package org.groundgame.notification.delivery;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.groundgame.notification.delivery.domain.AttemptResult;
import org.groundgame.notification.delivery.domain.Delivery;
import org.groundgame.notification.delivery.domain.DeliveryStatus;

import org.springframework.stereotype.Component;

/**
 * The business metrics of e-mail and webhooks, beside the inbox's: deliveries by channel
 * and outcome (the same meter as the inbox's), attempts by the channel's own outcome,
 * time from the event to delivery, and the retries pending.
 */
@Component
class ChannelMetrics {

	static final String DELIVERIES = "groundgame.notification.deliveries";

	static final String ATTEMPTS = "groundgame.notification.delivery.attempts";

	static final String LATENCY = "groundgame.notification.delivery.latency";

	static final String RETRIES_PENDING = "groundgame.notification.retries.pending";

	private final MeterRegistry meters;

	ChannelMetrics(MeterRegistry meters, DeliveryStore store) {
		this.meters = meters;
		Gauge.builder(RETRIES_PENDING, store, DeliveryStore::retriesPending)
			.description("Deliveries waiting for a retry after a failed attempt")
			.register(meters);
	}

	void attempted(Delivery after, AttemptResult result) {
		String channel = channel(after);
		Counter.builder(ATTEMPTS)
			.description("Attempts at e-mail and webhook deliveries, by the channel's outcome")
			.tag("channel", channel)
			.tag("outcome", result.outcome())
			.register(this.meters)
			.increment();
		if (after.status() == DeliveryStatus.PENDING) {
			return;
		}
		String outcome = (after.status() == DeliveryStatus.DELIVERED) ? "delivered" : "failed";
		Counter.builder(DELIVERIES)
			.description("Notifications per channel and outcome")
			.tag("channel", channel)
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
		if (after.status() == DeliveryStatus.DELIVERED && after.occurredAt() != null && after.completedAt() != null
				&& !after.completedAt().isBefore(after.occurredAt())) {
			Timer.builder(LATENCY)
				.description("From the event to the notification's delivery")
				.tag("channel", channel)
				.publishPercentileHistogram()
				.register(this.meters)
				.record(Duration.between(after.occurredAt(), after.completedAt()));
		}
	}

	private static String channel(Delivery delivery) {
		return delivery.channel().name().toLowerCase(java.util.Locale.ROOT);
	}

}
