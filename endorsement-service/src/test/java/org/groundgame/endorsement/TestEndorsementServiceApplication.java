package org.groundgame.endorsement;

import org.groundgame.test.InfrastructureTestConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * Starts the service alone with an in-process (or, with Docker, containerized) Kafka
 * broker and MongoDB store: {@code ./mvnw -pl endorsement-service spring-boot:test-run}.
 */
public class TestEndorsementServiceApplication {

	public static void main(String[] args) {
		SpringApplication.from(EndorsementServiceApplication::main)
			.with(InfrastructureTestConfiguration.class)
			.run(args);
	}

}
