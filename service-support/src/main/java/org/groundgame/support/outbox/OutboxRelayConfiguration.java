package org.groundgame.support.outbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the listener that wakes the relay after each save; it is package-private. */
@Configuration(proxyBeanMethods = false)
public class OutboxRelayConfiguration {

	@Bean
	OutboxWakeUp outboxWakeUp(OutboxRelay relay) {
		return new OutboxWakeUp(relay);
	}

}
