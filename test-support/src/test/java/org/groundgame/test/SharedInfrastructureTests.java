package org.groundgame.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.groundgame.test.sample.SampleApplication;
import org.groundgame.test.sample.TestSampleApplication;
import org.groundgame.test.sample.Volunteer;
import org.groundgame.test.sample.VolunteerRepository;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application contexts, started the way {@link TestSampleApplication} starts one,
 * share this JVM's broker and store, and closing one stops neither.
 */
class SharedInfrastructureTests {

	/**
	 * Another host and port than the infrastructure's: only the database name must be
	 * kept.
	 */
	private static final String CONFIGURED_URI = "--spring.mongodb.uri=mongodb://mongo.invalid:1/shared";

	@Test
	void twoApplicationContextsShareOneBrokerAndOneStore() {
		String topic = "shared-" + UUID.randomUUID();
		try (ConfigurableApplicationContext second = start()) {
			try (ConfigurableApplicationContext first = start()) {
				kafkaTemplate(first).send(topic, "volunteer-1", "sent by the first context").join();
				first.getBean(VolunteerRepository.class).save(new Volunteer("volunteer-1", "Dana", "columbia"));

				assertThat(consume(second, topic, 1)).containsExactly("sent by the first context");
				assertThat(second.getBean(VolunteerRepository.class).findById("volunteer-1")).isPresent();
			}

			kafkaTemplate(second).send(topic, "volunteer-1", "sent after the first context closed").join();
			assertThat(consume(second, topic, 2)).contains("sent after the first context closed");
			assertThat(second.getBean(VolunteerRepository.class).count()).isPositive();
		}
	}

	@Test
	void applicationStartedFromATestMainKeepsTheDatabaseOfItsConfiguredUri() {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(context.getBean(MongoTemplate.class).getDb().getName()).isEqualTo("shared");
			assertThat(context.getEnvironment().getProperty("spring.cloud.stream.kafka.binder.brokers"))
				.isEqualTo(TestInfrastructure.get().kafkaBootstrapServers());
		}
	}

	private static ConfigurableApplicationContext start() {
		return SpringApplication.from(SampleApplication::main)
			.with(InfrastructureTestConfiguration.class)
			.run(CONFIGURED_URI)
			.getApplicationContext();
	}

	@SuppressWarnings("unchecked")
	private static KafkaTemplate<String, String> kafkaTemplate(ConfigurableApplicationContext context) {
		return context.getBean(KafkaTemplate.class);
	}

	@SuppressWarnings("unchecked")
	private static List<String> consume(ConfigurableApplicationContext context, String topic, int count) {
		ConsumerFactory<String, String> consumers = context.getBean(ConsumerFactory.class);
		List<String> values = new ArrayList<>();
		try (Consumer<String, String> consumer = consumers.createConsumer("shared-" + UUID.randomUUID(), null)) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					values.add(record.value());
				}
				return values.size() >= count;
			});
		}
		return values;
	}

}
