package org.groundgame.notification.inbox;

import java.util.function.Consumer;

import org.groundgame.events.DomainEvent;
import org.groundgame.notification.inbox.domain.NotificationRule;
import org.groundgame.notification.inbox.domain.NotificationRules;
import org.groundgame.support.consumer.EventConsumers;

import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Builds the Kafka consumer of one topic for one feature that acts on notification rules
 * (the inbox, e-mail and webhooks): every event type with a rule is handed to the feature
 * with its rule, the others are ignored, and each event is applied once under the
 * feature's own consumer name.
 */
@Component
public class RuleConsumers {

	/** What a feature does with an event and the rule for its type. */
	public interface Effect {

		<E extends DomainEvent> void apply(NotificationRule<E> rule, E event);

	}

	private final EventConsumers consumers;

	private final NotificationRules rules;

	RuleConsumers(EventConsumers consumers, NotificationRules rules) {
		this.consumers = consumers;
		this.rules = rules;
	}

	/**
	 * @param consumerName keys the feature's idempotency records: keep it stable
	 */
	public Consumer<Message<byte[]>> of(String consumerName, String topic, Effect effect) {
		EventConsumers.Builder builder = this.consumers.named(consumerName);
		for (NotificationRule<?> rule : this.rules.on(topic)) {
			register(builder, rule, effect);
		}
		return builder.build();
	}

	private static <E extends DomainEvent> void register(EventConsumers.Builder builder, NotificationRule<E> rule,
			Effect effect) {
		builder.on(rule.eventType(), (event) -> effect.apply(rule, event));
	}

}
