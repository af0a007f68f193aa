package org.groundgame.notification.chapter;

import java.util.function.Consumer;

import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.events.volunteer.ChapterUpdated;
import org.groundgame.support.consumer.EventConsumers;

import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/** The Kafka side of the chapter projection: the events it is built from. */
@Component
public class ChapterEvents {

	/** Keys this consumer's idempotency records: keep it stable. */
	static final String CONSUMER = "chapter-projection";

	private final Consumer<Message<byte[]>> consumer;

	ChapterEvents(EventConsumers consumers, ChapterProjection projection) {
		this.consumer = consumers.named(CONSUMER)
			.on(ChapterRegistered.class, projection::chapterRegistered)
			.on(ChapterUpdated.class, projection::chapterUpdated)
			.build();
	}

	public Consumer<Message<byte[]>> consumer() {
		return this.consumer;
	}

}
