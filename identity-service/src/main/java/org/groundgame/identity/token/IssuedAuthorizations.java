package org.groundgame.identity.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.stereotype.Component;

/**
 * The authorizations the server must remember: only those of the authorization-code flow,
 * between issuing a code and redeeming it, held in memory and dropped once every token
 * they hold has expired. A client-credentials authorization is not kept at all: its JWT
 * is self-contained, there is no refresh token, and keeping each would grow without bound
 * (the in-memory default never forgets a completed authorization).
 * <p>
 * In memory, like the login session the flow starts with: several instances need sticky
 * sessions for the browser sign-in (or a shared store for both).
 */
@Component
class IssuedAuthorizations implements OAuth2AuthorizationService {

	private final InMemoryOAuth2AuthorizationService authorizations = new InMemoryOAuth2AuthorizationService();

	private final Map<String, OAuth2Authorization> withTokens = new ConcurrentHashMap<>();

	private final Clock clock;

	IssuedAuthorizations(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
			return;
		}
		this.authorizations.save(authorization);
		if (tokens(authorization).findAny().isPresent()) {
			this.withTokens.put(authorization.getId(), authorization);
		}
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		this.authorizations.remove(authorization);
		this.withTokens.remove(authorization.getId());
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return this.authorizations.findById(id);
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		return this.authorizations.findByToken(token, tokenType);
	}

	/** Forgets the authorizations whose every token has expired. */
	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	void forgetExpired() {
		Instant now = this.clock.instant();
		this.withTokens.values()
			.stream()
			.filter((authorization) -> tokens(authorization)
				.noneMatch((token) -> token.getExpiresAt() == null || token.getExpiresAt().isAfter(now)))
			.toList()
			.forEach(this::remove);
	}

	private static Stream<OAuth2Token> tokens(OAuth2Authorization authorization) {
		return Stream.<OAuth2Authorization.Token<? extends OAuth2Token>>of(
				authorization.getToken(OAuth2AuthorizationCode.class), authorization.getAccessToken(),
				authorization.getRefreshToken())
			.filter(Objects::nonNull)
			.map(OAuth2Authorization.Token::getToken);
	}

}
