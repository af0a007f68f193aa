package org.groundgame.notification;

import java.util.function.Consumer;

import org.groundgame.events.Topics;
import org.groundgame.notification.chapter.ChapterEvents;
import org.groundgame.notification.delivery.DeliveryEvents;
import org.groundgame.notification.inbox.InboxEvents;
import org.groundgame.notification.inbox.InboxFanOut;
import org.groundgame.notification.people.PeopleEvents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * One function per topic, bound in {@code application.yaml}. A topic's function hands
 * each event to every feature that reacts to it (the inbox first, then e-mail and
 * webhooks); each feature's consumer ignores the types it has no use for and applies the
 * others once (see {@code EventConsumers}). And one function for the service's own topic
 * of new inbox entries, which every instance reads.
 */
@Configuration(proxyBeanMethods = false)
class EventBindings {

	/**
	 * A candidate erased ({@code CandidateErased}) is erased before anything else
	 * happens; the other types pass the people's consumer by.
	 */
	@Bean
	Consumer<Message<byte[]>> endorsementEvents(PeopleEvents people, InboxEvents inbox, DeliveryEvents deliveries) {
		return people.consumer()
			.andThen(inbox.consumerOf(Topics.ENDORSEMENT))
			.andThen(deliveries.consumerOf(Topics.ENDORSEMENT));
	}

	/**
	 * The projections come first (chapters, then people's contact and consent), so that a
	 * chapter or a person known from an earlier event of the same topic is up to date
	 * when the inbox targets an event; a person erased is erased before anything else
	 * happens.
	 */
	@Bean
	Consumer<Message<byte[]>> volunteerEvents(ChapterEvents chapters, PeopleEvents people, InboxEvents inbox,
			DeliveryEvents deliveries) {
		return chapters.consumer()
			.andThen(people.consumer())
			.andThen(inbox.consumerOf(Topics.VOLUNTEER))
			.andThen(deliveries.consumerOf(Topics.VOLUNTEER));
	}

	/** A trainee erased ({@code TraineeErased}) likewise. */
	@Bean
	Consumer<Message<byte[]>> trainingEvents(PeopleEvents people, InboxEvents inbox, DeliveryEvents deliveries) {
		return people.consumer()
			.andThen(inbox.consumerOf(Topics.TRAINING))
			.andThen(deliveries.consumerOf(Topics.TRAINING));
	}

	/**
	 * The new inbox entries every instance announces, read by every instance (an
	 * anonymous binding: a consumer group of its own), for its open streams.
	 */
	@Bean
	Consumer<Message<byte[]>> inboxEntries(InboxFanOut fanOut) {
		return fanOut.consumer();
	}

}
