package org.groundgame.notification.delivery;

import java.util.function.Consumer;

import org.groundgame.events.DomainEvent;
import org.groundgame.notification.inbox.domain.NotificationRule;
import org.groundgame.notification.inbox.domain.NotificationRules;
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

	/** The consumer of one topic's events. */
	public Consumer<Message<byte[]>> consumerOf(String topic) {
		EventConsumers.Builder builder = this.consumers.named(CONSUMER);
		for (NotificationRule<?> rule : this.rules.on(topic)) {
			register(builder, rule);
		}
		return builder.build();
	}

	private <E extends DomainEvent> void register(EventConsumers.Builder builder, NotificationRule<E> rule) {
		builder.on(rule.eventType(), (event) -> this.planner.plan(rule, event));
	}

}
