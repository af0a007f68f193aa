package org.groundgame.identity.client;

import java.time.Duration;
import java.util.Optional;

import org.groundgame.identity.IdentityConfiguration.ConsoleClient;
import org.groundgame.identity.IdentityConfiguration.IdentityProperties;
import org.groundgame.identity.IdentityConfiguration.WebClient;
import org.groundgame.security.Role;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The clients as the authorization server sees them: the stored clients (client
 * credentials, secret checked against its hash; a disabled client is unknown) and the
 * configured public web client people sign in through (authorization code with PKCE, no
 * secret), and the organizers' console (authorization code with PKCE and a secret, with
 * refresh tokens: it keeps people's tokens on its server). The role and chapter of a
 * client-credentials client travel in its settings, for the token's claims.
 */
@Component
public class RegisteredClients implements RegisteredClientRepository {

	private static final String ROLE_SETTING = "groundgame.role";

	private static final String CHAPTER_SETTING = "groundgame.chapter-id";

	private final ClientStore clients;

	private final Duration accessTokenTtl;

	private final RegisteredClient webClient;

	private final RegisteredClient consoleClient;

	RegisteredClients(ClientStore clients, IdentityProperties properties, PasswordEncoder passwords) {
		this.clients = clients;
		this.accessTokenTtl = properties.accessTokenTtl();
		this.webClient = webClient(properties.webClient(), tokenSettings());
		this.consoleClient = properties.consoleClient().registered()
				? consoleClient(properties.consoleClient(), passwords, consoleTokenSettings()) : null;
	}

	/** The role a client-credentials client acts in, if the client is one of ours. */
	public static Optional<Role> role(RegisteredClient client) {
		String role = client.getClientSettings().getSetting(ROLE_SETTING);
		return Optional.ofNullable(role).map(Role::valueOf);
	}

	/** The chapter a {@code CHAPTER} client acts for. */
	public static Optional<String> chapterId(RegisteredClient client) {
		return Optional.ofNullable(client.getClientSettings().getSetting(CHAPTER_SETTING));
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		if (this.webClient.getClientId().equals(clientId)) {
			return this.webClient;
		}
		if (this.consoleClient != null && this.consoleClient.getClientId().equals(clientId)) {
			return this.consoleClient;
		}
		return this.clients.client(clientId)
			.filter((document) -> !document.toClient().disabled())
			.map(this::registeredClient)
			.orElse(null);
	}

	@Override
	public RegisteredClient findById(String id) {
		return findByClientId(id);
	}

	/**
	 * Called by the authorization server only to store a re-encoded secret after a
	 * successful authentication; clients are created through {@link ClientService}. The
	 * hash is stored by a targeted update of the client as read: a client disabled or
	 * given a new secret meanwhile keeps that change, and the re-encoding waits for the
	 * next authentication.
	 */
	@Override
	public void save(RegisteredClient registeredClient) {
		if (this.webClient.getClientId().equals(registeredClient.getClientId()) || (this.consoleClient != null
				&& this.consoleClient.getClientId().equals(registeredClient.getClientId()))) {
			return;
		}
		ClientDocument document = this.clients.client(registeredClient.getClientId())
			.orElseThrow(() -> new IllegalArgumentException(
					"Clients are registered through /api/clients, not " + registeredClient.getClientId()));
		if (registeredClient.getClientSecret() != null
				&& !registeredClient.getClientSecret().equals(document.getSecretHash())) {
			this.clients.changeSecretHash(document, registeredClient.getClientSecret());
		}
	}

	private RegisteredClient registeredClient(ClientDocument document) {
		Client client = document.toClient();
		ClientSettings.Builder settings = ClientSettings.builder()
			.requireAuthorizationConsent(false)
			.setting(ROLE_SETTING, client.role().name());
		if (client.chapterId() != null) {
			settings.setting(CHAPTER_SETTING, client.chapterId());
		}
		return RegisteredClient.withId(client.clientId())
			.clientId(client.clientId())
			.clientIdIssuedAt(client.createdAt())
			.clientSecret(document.getSecretHash())
			.clientName(client.name())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.clientSettings(settings.build())
			.tokenSettings(tokenSettings())
			.build();
	}

	private static RegisteredClient webClient(WebClient web, TokenSettings tokenSettings) {
		return RegisteredClient.withId(web.clientId())
			.clientId(web.clientId())
			.clientName("Ground Game in the browser")
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUris((uris) -> uris.addAll(web.redirectUris()))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(tokenSettings)
			.build();
	}

	private static RegisteredClient consoleClient(ConsoleClient console, PasswordEncoder passwords,
			TokenSettings tokenSettings) {
		return RegisteredClient.withId(console.clientId())
			.clientId(console.clientId())
			.clientSecret(passwords.encode(console.secret()))
			.clientName("Ground Game console")
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris((uris) -> uris.addAll(console.redirectUris()))
			.postLogoutRedirectUris((uris) -> uris.addAll(console.postLogoutRedirectUris()))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(tokenSettings)
			.build();
	}

	/**
	 * The console's tokens: short-lived access tokens as everyone's, and a refresh token
	 * for a working day, replaced at each use.
	 */
	private TokenSettings consoleTokenSettings() {
		return TokenSettings.builder()
			.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
			.accessTokenTimeToLive(this.accessTokenTtl)
			.refreshTokenTimeToLive(Duration.ofHours(8))
			.reuseRefreshTokens(false)
			.build();
	}

	private TokenSettings tokenSettings() {
		return TokenSettings.builder()
			.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
			.accessTokenTimeToLive(this.accessTokenTtl)
			.build();
	}

}
