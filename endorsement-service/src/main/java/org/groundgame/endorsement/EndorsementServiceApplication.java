package org.groundgame.endorsement;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The endorsement service: nominations, staff review and decisions, and the public list
 * of endorsed candidates.
 */
@SpringBootApplication
public class EndorsementServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(EndorsementServiceApplication.class, args);
	}

}
