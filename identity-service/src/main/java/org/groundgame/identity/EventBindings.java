package org.groundgame.identity;

import java.util.function.Consumer;

import org.groundgame.identity.chapter.ChapterEvents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * One function per topic, bound in {@code application.yml}: a topic's function hands each
 * event to every feature that reacts to it; each feature's consumer ignores the types it
 * has no use for and applies the others once (see {@code EventConsumers}).
 */
@Configuration(proxyBeanMethods = false)
class EventBindings {

	/** The volunteer topic: only the chapter projection reads it. */
	@Bean
	Consumer<Message<byte[]>> volunteerEvents(ChapterEvents chapters) {
		return chapters.consumer();
	}

}
