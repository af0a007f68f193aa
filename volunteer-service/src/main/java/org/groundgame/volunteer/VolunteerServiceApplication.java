package org.groundgame.volunteer;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Chapters and their volunteers. Owns the {@code groundgame-volunteer} database and
 * publishes to {@code groundgame.volunteer.events}.
 */
@SpringBootApplication
public class VolunteerServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(VolunteerServiceApplication.class, args);
	}

	/** Every time the domain records comes from here, so tests can fix it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
