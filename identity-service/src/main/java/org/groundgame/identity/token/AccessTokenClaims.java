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

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * The platform's claims on every access token: {@code aud} the platform's audience rather
 * than the client, {@code roles} ({@code STAFF} or {@code CHAPTER}) and, for a chapter,
 * {@code chapter_id}. A client-credentials token takes them from the client, an
 * authorization-code token from the person who signed in. {@code sub} stays the
 * authorization server's: the client id, or the username; {@code client_id} (RFC 9068)
 * names the client the token was issued to either way, so that the audit trail records
 * through which tool a person acted. A person's ID token carries the same {@code roles}
 * and {@code chapter_id}, for the console that signed them in.
 */
@Component
class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String ROLES = "roles";

	static final String CHAPTER_ID = "chapter_id";

	static final String CLIENT_ID = "client_id";

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
		if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			// The console reads who signed in from their ID token: the same role and
			// chapter
			// as their access token.
			this.people.person(context.getPrincipal().getName()).ifPresent((person) -> {
				context.getClaims().claim(ROLES, List.of(person.role().name()));
				if (person.role() == Role.CHAPTER) {
					context.getClaims().claim(CHAPTER_ID, person.chapterId());
				}
			});
			return;
		}
		if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
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
			Optional<Person> person = this.people.person(context.getPrincipal().getName());
			role = person.map(Person::role);
			chapterId = person.map(Person::chapterId);
		}
		context.getClaims().audience(List.of(this.audience));
		context.getClaims().claim(CLIENT_ID, context.getRegisteredClient().getClientId());
		role.ifPresent((r) -> context.getClaims().claim(ROLES, List.of(r.name())));
		if (role.filter(Role.CHAPTER::equals).isPresent()) {
			chapterId.ifPresent((id) -> context.getClaims().claim(CHAPTER_ID, id));
		}
		issued(grantType).increment();
	}

	private Counter issued(AuthorizationGrantType grantType) {
		return Counter.builder("groundgame.identity.tokens.issued")
			.description("Access tokens issued")
			.tag("grant_type", (grantType != null) ? grantType.getValue() : "unknown")
			.register(this.meters);
	}

}
