package org.groundgame.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens the platform's decoder accepted, so that a client sending the same
 * token with every request has its signature checked (an RSA verification, the costliest
 * step of a request at the gateway) and its claims parsed once, not every time. A
 * remembered token is accepted again without the decoder only while both hold:
 * <ul>
 * <li>it has not expired ({@code exp}: never a moment longer than the decoder itself
 * would accept it without its clock skew);</li>
 * <li>no longer than {@code maxAge} since it was checked, the time for which the decoder
 * uses the keys it read ({@code groundgame.security.jwk-set-cache-duration}): a token
 * signed with a key the identity provider revoked is refused within the same time as
 * without this cache.</li>
 * </ul>
 * Refused tokens are never remembered: each is refused by the decoder, with its reason.
 * The cache is bounded ({@code maxTokens}, least recently used first out) and keyed by
 * the whole token.
 */
final class CachingJwtDecoder implements JwtDecoder {

	private final JwtDecoder decoder;

	private final Cache<String, Jwt> accepted;

	private final Clock clock;

	CachingJwtDecoder(JwtDecoder decoder, Duration maxAge, long maxTokens, Ticker ticker, Clock clock) {
		this.decoder = decoder;
		this.clock = clock;
		this.accepted = Caffeine.newBuilder()
			.ticker(ticker)
			.maximumSize(maxTokens)
			.expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt, maxAge)))
			.build();
	}

	CachingJwtDecoder(JwtDecoder decoder, Duration maxAge, long maxTokens) {
		this(decoder, maxAge, maxTokens, Ticker.systemTicker(), Clock.systemUTC());
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt remembered = this.accepted.getIfPresent(token);
		if (remembered != null && isUnexpired(remembered)) {
			return remembered;
		}
		Jwt jwt = this.decoder.decode(token);
		this.accepted.put(token, jwt);
		return jwt;
	}

	/** How long the decoded token may be used again: until it expires, at most maxAge. */
	private Duration lifetime(Jwt jwt, Duration maxAge) {
		Instant expiresAt = jwt.getExpiresAt();
		if (expiresAt == null) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(this.clock.instant(), expiresAt);
		return left.isNegative() ? Duration.ZERO : (left.compareTo(maxAge) < 0 ? left : maxAge);
	}

	/**
	 * The cache's own expiry is by its ticker; the token's expiry is checked against the
	 * clock as well, so that a remembered token is never accepted after its {@code exp}.
	 */
	private boolean isUnexpired(Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		return expiresAt != null && this.clock.instant().isBefore(expiresAt);
	}

	/** How many tokens are remembered now, for tests. */
	long rememberedTokens() {
		this.accepted.cleanUp();
		return this.accepted.estimatedSize();
	}

}
