package org.groundgame.notification.delivery;

import java.util.function.Consumer;

import org.groundgame.notification.rule.NotificationRules;
import org.groundgame.support.consumer.EventConsumers;

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

	private final EventConsumers consumers;

	private final NotificationRules rules;

	private final DeliveryPlanner planner;

	DeliveryEvents(EventConsumers consumers, NotificationRules rules, DeliveryPlanner planner) {
		this.consumers = consumers;
		this.rules = rules;
		this.planner = planner;
	}

	/** The consumer of one topic's events: one registration per rule of the topic. */
	public Consumer<Message<byte[]>> consumerOf(String topic) {
		EventConsumers.Builder consumer = this.consumers.named(CONSUMER);
		this.rules.bind(topic, consumer::on, this.planner::plan);
		return consumer.build();
	}

}
