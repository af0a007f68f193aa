package org.groundgame.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The single entry point of Ground Game and its only door: checks bearer tokens, rate
 * limits and request sizes, routes the public {@code /api/**} contract and the identity
 * endpoints to the services, answers a {@code 503} problem when one of them is down, and
 * serves every API's documentation.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(GatewayApplication.class, args);
	}

}
