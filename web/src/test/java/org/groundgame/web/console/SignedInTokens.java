package org.groundgame.web.console;

import java.time.Instant;

import org.groundgame.web.console.signin.ConsoleProperties;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * The console's page tests, without identity-service: the signed-in person's access token
 * as identity-service would have given it at sign-in, one per person
 * ({@code token-of-<their name>}), so that a stand-in API sees whose call it got.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SignedInTokens {

	@Bean
	@Primary
	OAuth2AuthorizedClientManager signedInTokens(ClientRegistrationRepository registrations) {
		return (request) -> new OAuth2AuthorizedClient(
				registrations.findByRegistrationId(ConsoleProperties.REGISTRATION_ID), request.getPrincipal().getName(),
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
						"token-of-" + request.getPrincipal().getName(), Instant.now(),
						Instant.now().plusSeconds(3600)));
	}

}
