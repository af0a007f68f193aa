package org.groundgame.endorsement;

import java.util.function.Consumer;

import org.groundgame.endorsement.chapter.ChapterEvents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * One function per topic the service reads, bound in {@code application.yaml} with the
 * group {@code endorsement-service} (retries, then the binding's dead-letter topic). A
 * topic's function hands each event to every feature that reacts to it; each feature's
 * consumer ignores the types it has no use for and applies the others once.
 */
@Configuration(proxyBeanMethods = false)
class EventBindings {

	/** volunteer-service's topic: the chapters registered and updated. */
	@Bean
	Consumer<Message<byte[]>> volunteerEvents(ChapterEvents chapters) {
		return chapters.consumer();
	}

}
