package org.groundgame.test.sample;

import org.groundgame.test.InfrastructureTestConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * Starts {@link SampleApplication} alone with this JVM's test infrastructure, the way a
 * developer runs one service on their machine.
 */
public final class TestSampleApplication {

	private TestSampleApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.from(SampleApplication::main).with(InfrastructureTestConfiguration.class).run(args);
	}

}
