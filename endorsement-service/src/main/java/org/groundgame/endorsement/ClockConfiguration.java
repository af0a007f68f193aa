package org.groundgame.endorsement;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one source of "now" for every rule and record, so tests can fix it. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	/**
	 * UTC, to the millisecond: what the store keeps, so that an answer never shows a time
	 * more precisely than a later read of it.
	 */
	@Bean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
	}

}
