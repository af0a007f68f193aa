package org.groundgame.notification.inbox;

import java.util.function.Consumer;

import org.groundgame.events.DomainEvent;
import org.groundgame.notification.inbox.domain.NotificationRule;
import org.groundgame.notification.inbox.domain.NotificationRules;
import org.groundgame.support.consumer.EventConsumers;

import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The Kafka side of the inbox: every event type with a notification rule is delivered by
 * that rule, the others are ignored.
 */
@Component
public class InboxEvents {

	/** Keys this consumer's idempotency records: keep it stable. */
	static final String CONSUMER = "notifications";

	private final EventConsumers consumers;

	private final NotificationRules rules;

	private final Inbox inbox;

	InboxEvents(EventConsumers consumers, NotificationRules rules, Inbox inbox) {
		this.consumers = consumers;
		this.rules = rules;
		this.inbox = inbox;
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
		builder.on(rule.eventType(), (event) -> this.inbox.deliver(rule, event));
	}

}
