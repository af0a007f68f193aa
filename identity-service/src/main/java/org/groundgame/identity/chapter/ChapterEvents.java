package org.groundgame.identity.chapter;

import java.util.function.Consumer;

import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.support.consumer.EventConsumers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The chapter projection's events, from {@code groundgame.volunteer.events}
 * ({@code volunteerEvents-in-0}, group {@code identity-service}, dead-letter topic and
 * attempts from the platform's defaults). Each event is applied once
 * ({@code EventConsumers}: insert-first under the consumer's name).
 */
@Configuration(proxyBeanMethods = false)
class ChapterEvents {

	/** Keys this consumer's idempotency records: keep it stable. */
	static final String CONSUMER = "identity-chapters";

	@Bean
	Consumer<Message<byte[]>> volunteerEvents(EventConsumers consumers, ChapterProjection projection) {
		return consumers.named(CONSUMER).on(ChapterRegistered.class, projection::chapterRegistered).build();
	}

}
