package org.groundgame.identity.chapter;

import java.util.function.Consumer;

import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.support.consumer.EventConsumers;

import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The chapter projection's events, from {@code groundgame.volunteer.events} (bound as
 * {@code volunteerEvents} in {@code EventBindings}; group {@code identity-service},
 * dead-letter topic and attempts from the platform's defaults). Each event is applied
 * once ({@code EventConsumers}: insert-first under the consumer's name).
 */
@Component
public class ChapterEvents {

	/** Keys this consumer's idempotency records: keep it stable. */
	static final String CONSUMER = "identity-chapters";

	private final Consumer<Message<byte[]>> consumer;

	ChapterEvents(EventConsumers consumers, ChapterProjection projection) {
		this.consumer = consumers.named(CONSUMER).on(ChapterRegistered.class, projection::chapterRegistered).build();
	}

	public Consumer<Message<byte[]>> consumer() {
		return this.consumer;
	}

}
