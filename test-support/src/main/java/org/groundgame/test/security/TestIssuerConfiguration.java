package org.groundgame.test.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Makes the application trust {@link TestTokens}: its decoder reads the test key from a
 * PEM file instead of fetching the identity-service's key set. Issuer, audience and the
 * pinned algorithm stay the platform's defaults, so they are checked as in production.
 * {@code InfrastructureTestConfiguration} imports it wherever Spring Security's JWT
 * support is on the class path.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestIssuerConfiguration {

	@Bean
	static DynamicPropertyRegistrar groundGameTestIssuerProperties() {
		String location = TestTokens.publicKeyPem().toUri().toString();
		return (registry) -> registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
				() -> location);
	}

}
