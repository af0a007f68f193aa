package org.groundgame.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CachingJwtDecoderTests {

	private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

	private static final Duration MAX_AGE = Duration.ofSeconds(30);

	private final AtomicLong nanos = new AtomicLong();

	private Instant now = NOW;

	/** The tokens the platform's decoder would accept, with their expiry. */
	private final Map<String, Instant> valid = new HashMap<>();

	private final Map<String, Integer> decoded = new HashMap<>();

	private final JwtDecoder platform = (token) -> {
		this.decoded.merge(token, 1, Integer::sum);
		Instant expiresAt = this.valid.get(token);
		if (expiresAt == null || !this.now.isBefore(expiresAt)) {
			throw new BadJwtException("refused: " + token);
		}
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("client-of-" + token)
			.issuedAt(NOW.minusSeconds(1))
			.expiresAt(expiresAt)
			.build();
	};

	private final CachingJwtDecoder decoder = new CachingJwtDecoder(this.platform, MAX_AGE, 100, this.nanos::get,
			new Clock() {

				@Override
				public Instant instant() {
					return CachingJwtDecoderTests.this.now;
				}

				@Override
				public java.time.ZoneId getZone() {
					return ZoneOffset.UTC;
				}

				@Override
				public Clock withZone(java.time.ZoneId zone) {
					return this;
				}

			});

	@Test
	void anAcceptedTokenIsCheckedOnceWhileItIsFresh() {
		this.valid.put("a", NOW.plus(Duration.ofMinutes(15)));

		Jwt first = this.decoder.decode("a");
		advance(Duration.ofSeconds(29));
		Jwt again = this.decoder.decode("a");

		assertThat(again).isSameAs(first);
		assertThat(again.getSubject()).isEqualTo("client-of-a");
		assertThat(this.decoded).containsEntry("a", 1);
	}

	@Test
	void anAcceptedTokenIsCheckedAgainOnceTheKeysWouldHaveBeenReadAgain() {
		this.valid.put("a", NOW.plus(Duration.ofMinutes(15)));
		this.decoder.decode("a");

		advance(MAX_AGE);
		this.decoder.decode("a");

		assertThat(this.decoded).containsEntry("a", 2);
	}

	@Test
	void aTokenWhoseKeyWasRevokedIsRefusedOnceTheRememberedCheckIsTooOld() {
		this.valid.put("a", NOW.plus(Duration.ofMinutes(15)));
		this.decoder.decode("a");
		// The identity provider revokes the key: the platform's decoder refuses the
		// token once it has read the keys again.
		this.valid.remove("a");

		advance(MAX_AGE);

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("a"));
		assertThat(this.decoder.rememberedTokens()).isZero();
	}

	@Test
	void aRememberedTokenIsNeverAcceptedAfterItExpires() {
		this.valid.put("short", NOW.plusSeconds(10));
		this.decoder.decode("short");

		// The cache's own ticker stands still: the token's exp alone ends it.
		this.now = NOW.plusSeconds(10);

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("short"));
		assertThat(this.decoded).containsEntry("short", 2);
	}

	@Test
	void refusedTokensAreNeverRememberedAndEachIsRefusedByThePlatformsDecoder() {
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("forged"))
				.withMessage("refused: forged");
		}

		assertThat(this.decoded).containsEntry("forged", 3);
		assertThat(this.decoder.rememberedTokens()).isZero();
	}

	@Test
	void eachTokenIsRememberedOnItsOwn() {
		this.valid.put("a", NOW.plus(Duration.ofMinutes(15)));
		this.valid.put("b", NOW.plus(Duration.ofMinutes(15)));

		assertThat(this.decoder.decode("a").getSubject()).isEqualTo("client-of-a");
		assertThat(this.decoder.decode("b").getSubject()).isEqualTo("client-of-b");
		assertThat(this.decoder.decode("a").getSubject()).isEqualTo("client-of-a");

		assertThat(this.decoded).containsEntry("a", 1).containsEntry("b", 1);
		assertThat(this.decoder.rememberedTokens()).isEqualTo(2);
	}

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
		this.now = this.now.plus(duration);
	}

}
