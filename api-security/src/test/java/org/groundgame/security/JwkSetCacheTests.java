package org.groundgame.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A signing key the identity provider revoked (took out of its JWK Set) stops verifying
 * once the keys read from the set are read again: within the cache duration, not the 5
 * minutes of Spring Security's own cache. A real HTTP server on 127.0.0.1 serves the set;
 * the cache's time is the test's own (a ticker it moves on).
 */
class JwkSetCacheTests {

	private final AtomicReference<JWKSet> published = new AtomicReference<>();

	private final AtomicInteger reads = new AtomicInteger();

	private final HttpServer server;

	JwkSetCacheTests() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/oauth2/jwks", (exchange) -> {
			this.reads.incrementAndGet();
			byte[] body = this.published.get().toString(true).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void aRevokedKeyStopsVerifyingWithinTheCacheDuration() throws Exception {
		RSAKey leaked = new RSAKeyGenerator(2048).keyID("leaked").generate();
		RSAKey next = new RSAKeyGenerator(2048).keyID("next").generate();
		this.published.set(new JWKSet(java.util.List.of(leaked.toPublicJWK(), next.toPublicJWK())));
		// The cache's time is the test's: moved on by hand, so that a slow machine
		// neither expires the cache between two decodes nor keeps it past its duration.
		AtomicLong now = new AtomicLong();
		Duration cacheDuration = Duration.ofMillis(500);
		JwtDecoder decoder = JwtDecoderFactory.create(jwkSetUri(), cacheDuration, now::get);
		String signedByLeaked = token(leaked);
		assertThat(decoder.decode(signedByLeaked).getSubject()).isEqualTo("staff-tools");
		// Read once, then from the cache, until the cache duration is over.
		now.addAndGet(cacheDuration.toNanos() - 1);
		decoder.decode(signedByLeaked);
		assertThat(this.reads).hasValue(1);

		this.published.set(new JWKSet(next.toPublicJWK()));
		now.addAndGet(1);

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(signedByLeaked));
		// Read again once the duration was over (and, by Nimbus, once more when the key
		// id was not in the set it read).
		assertThat(this.reads.get()).isGreaterThan(1);
		assertThat(decoder.decode(token(next)).getSubject()).isEqualTo("staff-tools");
	}

	private OAuth2ResourceServerProperties.Jwt jwkSetUri() {
		OAuth2ResourceServerProperties.Jwt jwt = new OAuth2ResourceServerProperties().getJwt();
		jwt.setJwkSetUri("http://127.0.0.1:" + this.server.getAddress().getPort() + "/oauth2/jwks");
		return jwt;
	}

	private static String token(RSAKey key) throws Exception {
		Instant now = Instant.now();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				new JWTClaimsSet.Builder().subject("staff-tools")
					.issueTime(Date.from(now))
					.expirationTime(Date.from(now.plusSeconds(600)))
					.build());
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

}
