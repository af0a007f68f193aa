package org.groundgame.notification.delivery;

import java.util.function.Consumer;

import org.groundgame.notification.inbox.RuleConsumers;

import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The Kafka side of e-mail and webhooks: every event type with a notification rule is
 * planned into deliveries, the others are ignored. Its idempotency records are its own,
 * apart from the inbox's, so that each feature applies each event once.
 */
@Component
public class DeliveryEvents {

	/** Keys this consumer's idempotency records: keep it stable. */
	static final String CONSUMER = "notification-deliveries";

	private final RuleConsumers consumers;

	private final DeliveryPlanner planner;

	DeliveryEvents(RuleConsumers consumers, DeliveryPlanner planner) {
		this.consumers = consumers;
		this.planner = planner;
	}

	/** The consumer of one topic's events. */
	public Consumer<Message<byte[]>> consumerOf(String topic) {
		return this.consumers.of(CONSUMER, topic, this.planner::plan);
	}

}
