package org.groundgame.training.chapter;

import java.util.function.Consumer;

import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.events.volunteer.ChapterUpdated;
import org.groundgame.support.chapter.RegisteredChapters;
import org.groundgame.support.consumer.EventConsumers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

/**
 * The service's projection of the registered chapters (service-support's
 * {@link RegisteredChapters}), and what it reacts to on volunteer-service's topic, bound
 * in {@code application.yaml} with the group {@code campaign-training-service} (retries,
 * then the binding's dead-letter topic); each event applied once (the consumer name keys
 * its idempotency records).
 */
@Configuration(proxyBeanMethods = false)
class ChapterEvents {

	static final String CONSUMER = "campaign-training-chapters";

	@Bean
	RegisteredChapters registeredChapters(MongoTemplate mongo) {
		return new RegisteredChapters(mongo);
	}

	/**
	 * The chapters' part of the {@code volunteerEvents} binding (see
	 * {@code TrainingEventBindings}).
	 */
	@Bean
	Consumer<Message<byte[]>> chapterVolunteerEvents(EventConsumers consumers, RegisteredChapters chapters) {
		return consumers.named(CONSUMER)
			.on(ChapterRegistered.class, chapters::registered)
			.on(ChapterUpdated.class, chapters::updated)
			.build();
	}

}
