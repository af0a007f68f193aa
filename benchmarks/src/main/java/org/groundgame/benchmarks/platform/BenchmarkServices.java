package org.groundgame.benchmarks.platform;

import java.util.function.Consumer;

import org.groundgame.benchmarks.Completions;
import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.support.cloudevents.CloudEventHeaders;
import org.groundgame.support.consumer.EventConsumers;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

/**
 * A producing and a consuming service in one application, each wired as the platform's
 * services are: the producer's outbox and relay come from service-support, and the
 * consumer is a {@link Consumer} bean built by {@link EventConsumers} and bound by Spring
 * Cloud Stream under a named group (see {@link PlatformEventPath} for the properties).
 */
@SpringBootApplication(proxyBeanMethods = false)
class BenchmarkServices {

	static final String CONSUMER = "chapterEvents";

	static final String GROUP = "benchmark-chapter-directory";

	@Bean
	ChapterDirectory chapterDirectory(MongoTemplate mongo, Completions completions) {
		return new ChapterDirectory(mongo, completions);
	}

	@Bean(CONSUMER)
	Consumer<Message<byte[]>> chapterEvents(EventConsumers consumers, ChapterDirectory directory,
			Completions completions) {
		Consumer<Message<byte[]>> consumer = consumers.named(GROUP)
			.on(ChapterRegistered.class, directory::chapterRegistered)
			.build();
		// Notes when each message reaches the consumer, to tell the time spent getting
		// there from the time spent in it; nothing else.
		return (message) -> {
			String eventId = CloudEventHeaders.text(message, CloudEventHeaders.ID);
			if (eventId != null) {
				completions.arrived(eventId, System.nanoTime());
			}
			consumer.accept(message);
		};
	}

}
