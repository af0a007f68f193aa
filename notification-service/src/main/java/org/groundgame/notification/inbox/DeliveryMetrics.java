package org.groundgame.notification.inbox;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The business metrics of delivery: how many notifications each channel delivered (or
 * found already delivered, or failed to deliver), and how long after the event they
 * arrived.
 */
@Component
class DeliveryMetrics {

	static final String DELIVERIES = "groundgame.notification.deliveries";

	static final String LATENCY = "groundgame.notification.delivery.latency";

	static final String INBOX = "inbox";

	private final Counter delivered;

	private final Counter duplicate;

	private final Counter failed;

	private final Timer latency;

	DeliveryMetrics(MeterRegistry meters) {
		this.delivered = deliveries(meters, "delivered");
		this.duplicate = deliveries(meters, "duplicate");
		this.failed = deliveries(meters, "failed");
		this.latency = Timer.builder(LATENCY)
			.description("From the event to the notification's delivery")
			.tag("channel", INBOX)
			.publishPercentileHistogram()
			.register(meters);
	}

	private static Counter deliveries(MeterRegistry meters, String outcome) {
		return Counter.builder(DELIVERIES)
			.description("Notifications per channel and outcome")
			.tag("channel", INBOX)
			.tag("outcome", outcome)
			.register(meters);
	}

	void delivered(Duration latency) {
		this.delivered.increment();
		this.latency.record(latency);
	}

	void duplicate() {
		this.duplicate.increment();
	}

	void failed() {
		this.failed.increment();
	}

}
