package org.groundgame.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The public site and the self-service pages of Ground Game. A client of the services'
 * public HTTP APIs like any chapter's integration: it owns no data and no business rule.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebApplication {

	public static void main(String[] args) {
		SpringApplication.run(WebApplication.class, args);
	}

}
