package org.groundgame.test;

import java.time.Duration;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.groundgame.test.sample.SampleApplication;
import org.groundgame.test.sample.SampleApplication.Received;
import org.groundgame.test.sample.Volunteer;
import org.groundgame.test.sample.VolunteerRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = SampleApplication.class, properties = "spring.mongodb.database=sample-app")
@Import(InfrastructureTestConfiguration.class)
class InfrastructureTestConfigurationTests {

	private static final Duration DELIVERY = Duration.ofSeconds(30);

	@Autowired
	private KafkaTemplate<String, String> kafkaTemplate;

	@Autowired
	private Received received;

	@Autowired
	private VolunteerRepository volunteers;

	@Autowired
	private MongoTemplate mongoTemplate;

	@Autowired
	private KafkaConnectionDetails kafkaConnectionDetails;

	@Test
	void applicationConnectsToTheBrokerOfThisJvm() {
		assertThat(this.kafkaConnectionDetails.getBootstrapServers())
			.containsExactly(TestInfrastructure.get().kafkaBootstrapServers());
	}

	@Test
	void recordSentWithKafkaTemplateReachesAKafkaListener() {
		String name = "Alice " + UUID.randomUUID();

		this.kafkaTemplate.send(SampleApplication.LISTENER_TOPIC, "volunteer-1", name);

		await().atMost(DELIVERY).untilAsserted(() -> assertThat(this.received.byListener).contains(name));
	}

	@Test
	void recordSentWithKafkaTemplateReachesTheStreamBinderConsumer() {
		String name = "Bob " + UUID.randomUUID();

		this.kafkaTemplate.send(SampleApplication.BINDER_TOPIC, "volunteer-2", name);

		await().atMost(DELIVERY).untilAsserted(() -> assertThat(this.received.byBinder).contains(name));
	}

	@Test
	void documentsAreSavedAndReadInTheApplicationsOwnDatabase() {
		this.volunteers.save(new Volunteer("volunteer-3", "Carol", "mobilize-missouri"));

		assertThat(this.volunteers.findById("volunteer-3"))
			.contains(new Volunteer("volunteer-3", "Carol", "mobilize-missouri"));
		assertThat(this.mongoTemplate.getDb().getName()).isEqualTo("sample-app");
		try (MongoClient client = MongoClients.create(TestInfrastructure.get().mongoConnectionString())) {
			assertThat(client.getDatabase("sample-app")
				.getCollection("volunteers")
				.find(new Document("_id", "volunteer-3"))
				.first()).containsEntry("name", "Carol");
		}
	}

}
