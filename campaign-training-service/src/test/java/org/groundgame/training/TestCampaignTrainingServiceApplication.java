package org.groundgame.training;

import org.groundgame.test.InfrastructureTestConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * Starts the service alone with a Kafka broker and a MongoDB-wire store of its own (in
 * process, or containers where Docker runs), for trying it out from an IDE.
 */
public class TestCampaignTrainingServiceApplication {

	public static void main(String[] args) {
		SpringApplication.from(CampaignTrainingServiceApplication::main)
			.with(InfrastructureTestConfiguration.class)
			.run(args);
	}

}
