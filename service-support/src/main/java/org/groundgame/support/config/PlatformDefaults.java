package org.groundgame.support.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the platform's defaults ({@code groundgame-defaults.yaml}: idempotent producer
 * with {@code acks=all}, synchronous sends for the relay, retries and dead-letter topics
 * for every consumer binding, health groups, metrics and tracing) with the lowest
 * precedence, so a service's own configuration, the environment and the command line all
 * override them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

	static final String RESOURCE = "groundgame-defaults.yaml";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			for (PropertySource<?> source : new YamlPropertySourceLoader().load("groundgame-defaults",
					new ClassPathResource(RESOURCE))) {
				environment.getPropertySources().addLast(source);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
	}

}
