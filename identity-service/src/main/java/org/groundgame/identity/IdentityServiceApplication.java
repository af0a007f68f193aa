package org.groundgame.identity;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The platform's OAuth2 authorization server. Owns the {@code groundgame-identity}
 * database (clients, people, signing keys); emits and consumes no events.
 */
@SpringBootApplication
@EnableScheduling
public class IdentityServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(IdentityServiceApplication.class, args);
	}

	/**
	 * Every time the service records or compares comes from here, so tests can move it.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
