package org.groundgame.web.console.signin;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the organizers' console signs people in.
 *
 * @param clientId the console's client at identity-service
 * @param clientSecret its secret (the console is a confidential client): required, the
 * module does not start without one
 * @param issuer the authorization server's public address, as browsers reach it through
 * the gateway (its tokens' {@code iss}); the browser is sent to its
 * {@code /oauth2/authorize}
 * @param identity identity-service's own address, which this module calls for tokens, its
 * keys and its people API
 * @param sessionTimeout how long a session lasts without a request
 */
@ConfigurationProperties("groundgame.web.console")
public record ConsoleProperties(@DefaultValue("ground-game-console") String clientId, String clientSecret,
		@DefaultValue("http://localhost:8080") URI issuer, @DefaultValue("http://127.0.0.1:8085") URI identity,
		@DefaultValue("8h") Duration sessionTimeout) {

	/** The id of the console's client registration, in paths such as its callback. */
	public static final String REGISTRATION_ID = "console";

	public ConsoleProperties {
		if (clientSecret == null || clientSecret.isBlank()) {
			throw new IllegalStateException("groundgame.web.console.client-secret is required: the console's secret at "
					+ "identity-service (the local platform and docker-compose set it)");
		}
	}

}
