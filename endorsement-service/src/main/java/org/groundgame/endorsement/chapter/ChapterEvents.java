package org.groundgame.endorsement.chapter;

import java.util.function.Consumer;

import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.events.volunteer.ChapterUpdated;
import org.groundgame.support.chapter.RegisteredChapters;
import org.groundgame.support.consumer.EventConsumers;

import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * What the projection of the registered chapters ({@link RegisteredChapters}) reacts to
 * on volunteer-service's topic; each event applied once (the consumer name keys its
 * idempotency records). Bound in {@code EventBindings}.
 */
@Component
public class ChapterEvents {

	/** Keys this consumer's idempotency records: keep it stable. */
	static final String CONSUMER = "endorsement-chapters";

	private final Consumer<Message<byte[]>> consumer;

	ChapterEvents(EventConsumers consumers, RegisteredChapters chapters) {
		this.consumer = consumers.named(CONSUMER)
			.on(ChapterRegistered.class, chapters::registered)
			.on(ChapterUpdated.class, chapters::updated)
			.build();
	}

	public Consumer<Message<byte[]>> consumer() {
		return this.consumer;
	}

}
