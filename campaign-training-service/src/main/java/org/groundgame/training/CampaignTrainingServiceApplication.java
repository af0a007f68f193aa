package org.groundgame.training;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The Campaign Leadership School: cohorts, applications, the waitlist and the candidate
 * pipeline. Owns the {@code groundgame-training} database.
 */
@SpringBootApplication
public class CampaignTrainingServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(CampaignTrainingServiceApplication.class, args);
	}

	/** Every time the domain records comes from here, so tests can fix it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
