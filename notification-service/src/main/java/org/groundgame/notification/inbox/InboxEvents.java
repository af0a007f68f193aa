package org.groundgame.notification.inbox;

import java.util.function.Consumer;

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

	private final RuleConsumers consumers;

	private final Inbox inbox;

	InboxEvents(RuleConsumers consumers, Inbox inbox) {
		this.consumers = consumers;
		this.inbox = inbox;
	}

	/** The consumer of one topic's events. */
	public Consumer<Message<byte[]>> consumerOf(String topic) {
		return this.consumers.of(CONSUMER, topic, this.inbox::deliver);
	}

}
