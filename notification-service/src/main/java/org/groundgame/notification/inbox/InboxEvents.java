package org.groundgame.notification.inbox;

import java.util.function.Consumer;

import org.groundgame.notification.rule.NotificationRules;
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

	/** The consumer of one topic's events: one registration per rule of the topic. */
	public Consumer<Message<byte[]>> consumerOf(String topic) {
		EventConsumers.Builder consumer = this.consumers.named(CONSUMER);
		this.rules.bind(topic, consumer::on, this.inbox::deliver);
		return consumer.build();
	}

}
