package org.groundgame.gateway;

import java.time.Duration;

import org.groundgame.test.InfrastructureTestConfiguration;
import org.groundgame.test.security.TestIssuerConfiguration;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The gateway of the tests: in front of {@link TestBackends}, trusting
 * {@code TestTokens}, with notification-service's time limit cut to
 * {@link #NOTIFICATION_TIME_LIMIT} and the web module's to {@link #WEB_TIME_LIMIT}. Rate
 * limits no test reaches by accident come from the tests'
 * {@code config/application.properties} (the rate limit tests set their own); their
 * buckets are kept in this JVM's MongoDB-wire store, the gateway's database. Every test
 * class that imports it, and sets nothing else, shares one running gateway.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ InfrastructureTestConfiguration.class, TestIssuerConfiguration.class })
public class GatewayTestConfiguration {

	public static final Duration NOTIFICATION_TIME_LIMIT = Duration.ofSeconds(1);

	/** The web module's time limit, cut as well, for its console's inbox stream. */
	public static final Duration WEB_TIME_LIMIT = Duration.ofSeconds(1);

	@Bean
	static DynamicPropertyRegistrar testBackendAddresses() {
		return (registry) -> {
			registry.add("groundgame.gateway.services.endorsement", TestBackends.endorsement::uri);
			registry.add("groundgame.gateway.services.volunteer", TestBackends.volunteer::uri);
			registry.add("groundgame.gateway.services.campaign-training", TestBackends.campaignTraining::uri);
			registry.add("groundgame.gateway.services.notification", TestBackends.notification::uri);
			registry.add("groundgame.gateway.services.identity", TestBackends.identity::uri);
			registry.add("groundgame.gateway.services.web", TestBackends.web::uri);
			registry.add("resilience4j.timelimiter.instances.notification-service.timeout-duration",
					NOTIFICATION_TIME_LIMIT::toString);
			registry.add("resilience4j.timelimiter.instances.web.timeout-duration", WEB_TIME_LIMIT::toString);
		};
	}

}
