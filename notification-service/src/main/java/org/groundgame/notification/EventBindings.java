package org.groundgame.notification;

import java.util.function.Consumer;

import org.groundgame.events.Topics;
import org.groundgame.notification.chapter.ChapterEvents;
import org.groundgame.notification.delivery.DeliveryEvents;
import org.groundgame.notification.inbox.InboxEvents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * One function per topic, bound in {@code application.yaml}. A topic's function hands
 * each event to every feature that reacts to it (the inbox first, then e-mail and
 * webhooks); each feature's consumer ignores the types it has no use for and applies the
 * others once (see {@code EventConsumers}).
 */
@Configuration(proxyBeanMethods = false)
class EventBindings {

	@Bean
	Consumer<Message<byte[]>> endorsementEvents(InboxEvents inbox, DeliveryEvents deliveries) {
		return inbox.consumerOf(Topics.ENDORSEMENT).andThen(deliveries.consumerOf(Topics.ENDORSEMENT));
	}

	/**
	 * The chapter projection comes first, so that a chapter registered before an event of
	 * the same topic is already known when the inbox targets that event.
	 */
	@Bean
	Consumer<Message<byte[]>> volunteerEvents(ChapterEvents chapters, InboxEvents inbox, DeliveryEvents deliveries) {
		return chapters.consumer()
			.andThen(inbox.consumerOf(Topics.VOLUNTEER))
			.andThen(deliveries.consumerOf(Topics.VOLUNTEER));
	}

}
