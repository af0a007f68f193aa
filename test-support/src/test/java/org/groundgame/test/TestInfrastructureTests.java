package org.groundgame.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestInfrastructureTests {

	@Test
	void everyCallReturnsTheOneInfrastructureOfThisJvm() {
		assertThat(TestInfrastructure.get()).isSameAs(TestInfrastructure.get());
	}

	@Test
	void descriptionSaysWhatRunsWhereAndWhy() {
		TestInfrastructure infrastructure = TestInfrastructure.get();

		assertThat(infrastructure.description()).startsWith("Ground Game test infrastructure: ")
			.contains(infrastructure.kafkaBootstrapServers());
		if (TestInfrastructure.usesDocker()) {
			assertThat(infrastructure.description()).contains("Testcontainers apache/kafka:", "mongo:");
		}
		else {
			assertThat(infrastructure.description()).contains("in-process Apache Kafka 4.1.2 (KRaft) at 127.0.0.1:",
					"mongo-java-server at 127.0.0.1:");
		}
	}

	@Test
	void mongoConnectionStringNamesNoDatabase() {
		assertThat(TestInfrastructure.get().mongoConnectionString()).matches("mongodb://[^/]+:\\d+");
	}

}
