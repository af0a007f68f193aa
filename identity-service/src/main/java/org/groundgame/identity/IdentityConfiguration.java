package org.groundgame.identity;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.groundgame.security.Role;
import org.groundgame.support.secrets.KeyEncryption;
import org.groundgame.support.secrets.KeyEncryptionProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.context.annotation.Bean;

/**
 * The service's settings ({@code groundgame.identity.*}), the password encoder that
 * hashes client secrets and people's passwords, and the key-encryption key that seals the
 * private signing keys.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ IdentityConfiguration.IdentityProperties.class, KeyEncryptionProperties.class })
public class IdentityConfiguration {

	/**
	 * Seals the private signing keys at rest with the key-encryption key of
	 * {@code groundgame.secrets.kek}; the service does not start without one.
	 */
	@Bean
	KeyEncryption keyEncryption(KeyEncryptionProperties properties) {
		return KeyEncryption.of(properties);
	}

	/**
	 * Delegating, so stored hashes name their algorithm ({@code {bcrypt}…}) and can be
	 * upgraded later. Also used by the authorization server to check client secrets.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * {@code groundgame.identity.*}.
	 *
	 * @param audience the {@code aud} of every access token
	 * @param accessTokenTtl how long an access token is valid
	 * @param keys signing-key rotation
	 * @param webClient the public client people sign in through
	 * @param consoleClient the organizers' console, a confidential client people sign in
	 * through
	 * @param clients clients seeded at start-up
	 * @param users people seeded at start-up
	 * @param secretGuessing how many failed client authentications the token endpoint
	 * takes per client id and per address before it refuses further wrong secrets
	 * @param accounts people's invitations, password resets and their e-mails
	 * @param signIn how many failed sign-ins a username and an address may have
	 */
	@ConfigurationProperties("groundgame.identity")
	public record IdentityProperties(String audience, Duration accessTokenTtl, Keys keys, WebClient webClient,
			ConsoleClient consoleClient, List<SeededClient> clients, List<SeededUser> users,
			SecretGuessing secretGuessing, Accounts accounts, SignIn signIn) {

		public IdentityProperties {
			audience = Objects.requireNonNullElse(audience, "ground-game");
			accessTokenTtl = Objects.requireNonNullElse(accessTokenTtl, Duration.ofMinutes(15));
			keys = Objects.requireNonNullElseGet(keys, () -> new Keys(null, null, null, null));
			webClient = Objects.requireNonNullElseGet(webClient, () -> new WebClient(null, null));
			consoleClient = Objects.requireNonNullElseGet(consoleClient,
					() -> new ConsoleClient(null, null, null, null));
			clients = (clients != null) ? List.copyOf(clients) : List.of();
			users = (users != null) ? List.copyOf(users) : List.of();
			secretGuessing = Objects.requireNonNullElseGet(secretGuessing, () -> new SecretGuessing(0, null, 0));
			accounts = Objects.requireNonNullElseGet(accounts, () -> new Accounts(null, null, null, null));
			signIn = Objects.requireNonNullElseGet(signIn, () -> new SignIn(0, 0, null, 0));
		}

		/**
		 * How long a retired key stays published: until every token it signed has
		 * expired, plus the margin.
		 */
		public Duration retiredKeyGrace() {
			return this.accessTokenTtl.plus(this.keys.retirementMargin());
		}

	}

	/**
	 * @param rotationPeriod the age at which the current key is replaced
	 * @param retirementMargin added to the access-token TTL: how long a replaced key
	 * stays published
	 * @param checkInterval how often every instance checks whether a rotation is due
	 * @param cacheDuration how long an instance reuses the keys it read from the store
	 * for signing and for checking its own API's tokens
	 */
	public record Keys(Duration rotationPeriod, Duration retirementMargin, Duration checkInterval,
			Duration cacheDuration) {

		public Keys {
			rotationPeriod = Objects.requireNonNullElse(rotationPeriod, Duration.ofDays(30));
			retirementMargin = Objects.requireNonNullElse(retirementMargin, Duration.ofMinutes(5));
			checkInterval = Objects.requireNonNullElse(checkInterval, Duration.ofHours(1));
			cacheDuration = Objects.requireNonNullElse(cacheDuration, Duration.ofSeconds(10));
		}

	}

	/**
	 * The token endpoint's guard against guessed client secrets.
	 *
	 * @param allowedFailures how many failed client authentications a client id, and an
	 * address, may have within {@code period} before further wrong secrets are refused
	 * with {@code 429} (a right secret never is)
	 * @param period the window the failures are counted in, from the first one
	 * @param maxTrackedKeys how many client ids and addresses are tracked at most
	 */
	public record SecretGuessing(int allowedFailures, Duration period, int maxTrackedKeys) {

		public SecretGuessing {
			allowedFailures = (allowedFailures > 0) ? allowedFailures : 10;
			period = (period != null && period.isPositive()) ? period : Duration.ofMinutes(1);
			maxTrackedKeys = (maxTrackedKeys > 0) ? maxTrackedKeys : 100_000;
		}

	}

	/**
	 * People's accounts.
	 *
	 * @param invitationTtl how long an invitation link works
	 * @param passwordResetTtl how long a password-reset link works
	 * @param mailFrom the sender of the invitation and reset e-mails
	 * @param totpIssuer the issuer an authenticator app shows next to the account
	 */
	public record Accounts(Duration invitationTtl, Duration passwordResetTtl, String mailFrom, String totpIssuer) {

		public Accounts {
			invitationTtl = (invitationTtl != null && invitationTtl.isPositive()) ? invitationTtl
					: Duration.ofHours(72);
			passwordResetTtl = (passwordResetTtl != null && passwordResetTtl.isPositive()) ? passwordResetTtl
					: Duration.ofHours(1);
			mailFrom = Objects.requireNonNullElse(mailFrom, "Ground Game <no-reply@groundgame.local>");
			totpIssuer = Objects.requireNonNullElse(totpIssuer, "Ground Game");
		}

	}

	/**
	 * The sign-in throttle: past the allowance of failed sign-ins (a wrong password or
	 * one-time code) for a username, or from an address, within {@code period} from the
	 * first, every sign-in for it is refused until the window ends, right password or
	 * not.
	 *
	 * @param allowedFailures per username
	 * @param allowedFailuresPerAddress per address (people may share one)
	 * @param period the window, from its first failure
	 * @param maxTrackedKeys how many usernames and addresses are tracked at most
	 */
	public record SignIn(int allowedFailures, int allowedFailuresPerAddress, Duration period, int maxTrackedKeys) {

		public SignIn {
			allowedFailures = (allowedFailures > 0) ? allowedFailures : 5;
			allowedFailuresPerAddress = (allowedFailuresPerAddress > 0) ? allowedFailuresPerAddress : 50;
			period = (period != null && period.isPositive()) ? period : Duration.ofMinutes(15);
			maxTrackedKeys = (maxTrackedKeys > 0) ? maxTrackedKeys : 100_000;
		}

	}

	/**
	 * @param clientId the public client's id
	 * @param redirectUris where the authorization endpoint may send the code
	 */
	public record WebClient(String clientId, List<String> redirectUris) {

		public WebClient {
			clientId = Objects.requireNonNullElse(clientId, "ground-game-web");
			redirectUris = (redirectUris != null && !redirectUris.isEmpty()) ? List.copyOf(redirectUris)
					: List.of("http://localhost:8080/swagger-ui/oauth2-redirect.html");
		}

	}

	/**
	 * The organizers' console (the web module): a confidential client that signs people
	 * in with the authorization code and PKCE, and keeps their tokens on its server,
	 * refreshing them. Registered only when it has a secret.
	 *
	 * @param clientId its id
	 * @param secret its secret, hashed at start-up; none, and there is no console client
	 * @param redirectUris where the authorization endpoint may send the code
	 * @param postLogoutRedirectUris where signing out may send the browser back to
	 */
	public record ConsoleClient(String clientId, String secret, List<String> redirectUris,
			List<String> postLogoutRedirectUris) {

		public ConsoleClient {
			clientId = Objects.requireNonNullElse(clientId, "ground-game-console");
			redirectUris = (redirectUris != null && !redirectUris.isEmpty()) ? List.copyOf(redirectUris)
					: List.of("http://localhost:8080/console/login/oauth2/code/console");
			postLogoutRedirectUris = (postLogoutRedirectUris != null && !postLogoutRedirectUris.isEmpty())
					? List.copyOf(postLogoutRedirectUris) : List.of("http://localhost:8080/console/signed-out");
		}

		public boolean registered() {
			return this.secret != null && !this.secret.isBlank();
		}

		@Override
		public String toString() {
			return "ConsoleClient[clientId=" + this.clientId + ", redirectUris=" + this.redirectUris + "]";
		}

	}

	/** A client the configuration brings (the local platform's staff client, say). */
	public record SeededClient(String clientId, String secret, String name, Role role, String chapterId) {

		@Override
		public String toString() {
			return "SeededClient[clientId=" + this.clientId + ", role=" + this.role + "]";
		}

	}

	/**
	 * A person the configuration brings, who signs in with a password (and, given a
	 * {@code totpSecret} in Base32, with one-time codes from an authenticator app that
	 * was given that secret).
	 */
	public record SeededUser(String username, String password, Role role, String chapterId, String displayName,
			String totpSecret) {

		/** Nothing personal: the username may be an e-mail address. */
		@Override
		public String toString() {
			return "SeededUser[role=" + this.role + "]";
		}

	}

}
