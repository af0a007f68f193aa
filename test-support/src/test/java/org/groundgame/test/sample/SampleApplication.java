package org.groundgame.test.sample;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A tiny service using what the platform's services use: Spring Kafka, the Spring Cloud
 * Stream Kafka binder and Spring Data MongoDB.
 */
@SpringBootApplication
public class SampleApplication {

	public static final String LISTENER_TOPIC = "sample.listener";

	public static final String BINDER_TOPIC = "sample.binder";

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

	/** Bound by the Spring Cloud Stream Kafka binder to {@link #BINDER_TOPIC}. */
	@Bean
	Consumer<String> volunteerSignedUp(Received received) {
		return received.byBinder::add;
	}

	/** What the application received, by which route. */
	@Component
	public static class Received {

		public final BlockingQueue<String> byBinder = new LinkedBlockingQueue<>();

		public final BlockingQueue<String> byListener = new LinkedBlockingQueue<>();

		@KafkaListener(topics = LISTENER_TOPIC, groupId = "sample-listener")
		void onRecord(String value) {
			this.byListener.add(value);
		}

	}

}
