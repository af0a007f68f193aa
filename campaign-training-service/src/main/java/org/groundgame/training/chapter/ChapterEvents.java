package org.groundgame.training.chapter;

import java.util.function.Consumer;

import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.events.volunteer.ChapterUpdated;
import org.groundgame.support.chapter.RegisteredChapters;
import org.groundgame.support.consumer.EventConsumers;

import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * What the service's projection of the registered chapters ({@link RegisteredChapters})
 * reacts to on volunteer-service's topic: its part of the {@code volunteerEvents} binding
 * (see {@code EventBindings}), each event applied once (the consumer name keys its
 * idempotency records).
 */
@Component
public class ChapterEvents {

	static final String CONSUMER = "campaign-training-chapters";

	private final Consumer<Message<byte[]>> volunteerEvents;

	ChapterEvents(EventConsumers consumers, RegisteredChapters chapters) {
		this.volunteerEvents = consumers.named(CONSUMER)
			.on(ChapterRegistered.class, chapters::registered)
			.on(ChapterUpdated.class, chapters::updated)
			.build();
	}

	/** The chapters' part of the {@code volunteerEvents} binding. */
	public Consumer<Message<byte[]>> volunteerEvents() {
		return this.volunteerEvents;
	}

}
