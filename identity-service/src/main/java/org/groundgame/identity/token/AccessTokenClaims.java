package org.groundgame.identity.token;

import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.identity.IdentityConfiguration.IdentityProperties;
import org.groundgame.security.Role;
import org.groundgame.identity.client.RegisteredClients;
import org.groundgame.identity.person.People;
import org.groundgame.identity.person.Person;
import org.groundgame.identity.person.SecondFactor;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * The platform's claims on every access token: {@code aud} the platform's audience rather
 * than the client, {@code roles} ({@code STAFF}, {@code TRAINING_STAFF} or
 * {@code CHAPTER}) and, for a chapter, {@code chapter_id}. A client-credentials token
 * takes them from the client, an authorization-code (or refresh) token from the person
 * who signed in. {@code sub} is the client id, or the person's opaque id (never their
 * e-mail address); {@code client_id} (RFC 9068) names the client the token was issued to
 * either way, so that the audit trail records through which tool a person acted. A
 * person's ID token (OpenID Connect) carries the same {@code sub}, {@code roles} and
 * {@code chapter_id}, with their {@code name} and {@code email}, for the client that
 * signs them in. A person who is disabled, or needs a second factor they have not passed,
 * gets no token.
 */
@Component
class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String ROLES = "roles";

	static final String CHAPTER_ID = "chapter_id";

	static final String CLIENT_ID = "client_id";

	static final String NAME = "name";

	static final String EMAIL = "email";

	private final People people;

	private final String audience;

	private final MeterRegistry meters;

	AccessTokenClaims(People people, IdentityProperties properties, MeterRegistry meters) {
		this.people = people;
		this.audience = properties.audience();
		this.meters = meters;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
		if (!accessToken && !idToken) {
			return;
		}
		Optional<Role> role;
		Optional<String> chapterId;
		AuthorizationGrantType grantType = context.getAuthorizationGrantType();
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(grantType)) {
			role = RegisteredClients.role(context.getRegisteredClient());
			chapterId = RegisteredClients.chapterId(context.getRegisteredClient());
		}
		else {
			Person person = signedIn(context.getPrincipal());
			role = Optional.of(person.role());
			chapterId = Optional.ofNullable(person.chapterId());
			// An opaque id, not the e-mail address: the services record the subject as
			// who acted, and an address is personal data.
			context.getClaims().subject(person.id());
			if (idToken) {
				context.getClaims().claim(NAME, person.displayName());
				context.getClaims().claim(EMAIL, person.username());
			}
		}
		if (accessToken) {
			context.getClaims().audience(List.of(this.audience));
			context.getClaims().claim(CLIENT_ID, context.getRegisteredClient().getClientId());
		}
		role.ifPresent((r) -> context.getClaims().claim(ROLES, List.of(r.name())));
		if (role.filter(Role.CHAPTER::equals).isPresent()) {
			chapterId.ifPresent((id) -> context.getClaims().claim(CHAPTER_ID, id));
		}
		if (accessToken) {
			issued(grantType).increment();
		}
	}

	/**
	 * The person a code or refresh token was issued for, who must still be allowed to
	 * sign in, and must have passed the second factor if they need one: otherwise no
	 * token ({@code invalid_grant}), so disabling a person also stops their sessions'
	 * refresh tokens.
	 */
	private Person signedIn(Authentication principal) {
		Optional<Person> person = (principal != null) ? this.people.person(principal.getName()) : Optional.empty();
		if (person.isEmpty() || !person.get().maySignIn()) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The person may no longer sign in", null));
		}
		if (person.get().needsSecondFactor() && principal.getAuthorities()
			.stream()
			.noneMatch((authority) -> SecondFactor.AUTHORITY.equals(authority.getAuthority()))) {
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
					"The person has not passed the second factor", null));
		}
		return person.get();
	}

	private Counter issued(AuthorizationGrantType grantType) {
		return Counter.builder("groundgame.identity.tokens.issued")
			.description("Access tokens issued")
			.tag("grant_type", (grantType != null) ? grantType.getValue() : "unknown")
			.register(this.meters);
	}

}
