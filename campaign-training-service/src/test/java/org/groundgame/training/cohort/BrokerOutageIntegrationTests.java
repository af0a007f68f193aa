package org.groundgame.training.cohort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.groundgame.test.events.TopicEvents;
import org.groundgame.test.proxy.FaultProxiedInfrastructure;
import org.groundgame.test.proxy.FaultProxy;
import org.groundgame.training.TrainingServiceBehindFaultProxies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The line from the service to Kafka cut in the middle of a stream of commands, with
 * acknowledgements on their way: every command is still acknowledged (the events wait in
 * their documents' outbox), and once the line is back each command's event is on the
 * topic exactly once, counted up to a later event of the same cohort (its first
 * application, on the same partition).
 */
@TrainingServiceBehindFaultProxies
class BrokerOutageIntegrationTests {

	private final FaultProxy broker = FaultProxiedInfrastructure.broker();

	@Autowired
	private RestTestClient client;

	private TrainingApi api;

	private TopicEvents topic;

	@BeforeEach
	void setUp() {
		this.api = new TrainingApi(this.client);
		this.topic = new TopicEvents(FaultProxiedInfrastructure.brokerDirectly(), TrainingApi.TOPIC,
				TrainingApi.EVENT_TYPE, null);
	}

	@AfterEach
	void tearDown() {
		this.broker.heal();
		this.topic.close();
	}

	@Test
	void commandsDuringACutAreAcknowledgedAndEachEventIsPublishedOnceAfterTheLineIsRestored() {
		List<String> cohorts = new ArrayList<>();
		// The broker's answers come late, so that some sends are in flight at the cut.
		this.broker.downstream().latency(Duration.ofMillis(100));
		for (int i = 0; i < 5; i++) {
			cohorts.add(this.api.openCohort(3).get("id").asString());
		}

		this.broker.cut();
		for (int i = 0; i < 10; i++) {
			// Acknowledged (201) with the line cut: the event waits in the outbox.
			cohorts.add(this.api.openCohort(3).get("id").asString());
		}
		long acceptedBeforeRestore = this.broker.connectionsAccepted();
		this.broker.heal();
		for (int i = 0; i < 5; i++) {
			cohorts.add(this.api.openCohort(3).get("id").asString());
		}

		// A later event of each cohort, on the same key: its first application.
		cohorts.forEach((cohortId) -> TrainingApi
			.expect(this.api.apply(cohortId, "trainee-" + UUID.randomUUID() + "@example.org"), 202));
		for (String cohortId : cohorts) {
			List<TopicEvents.Event> before = this.topic.awaitEventsBefore(cohortId, "TraineeApplied");
			assertThat(before).as(cohortId)
				.hasSize(1)
				.allSatisfy((event) -> assertThat(event.is("CohortOpened")).isTrue());
		}
		assertThat(this.broker.connectionsAccepted()).as("the service came back over the restored line")
			.isGreaterThan(acceptedBeforeRestore);
	}

}
