package org.groundgame.test.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Tokens for tests, signed with Spring Security's own encoder by a key pair made once per
 * JVM. {@link TestIssuerConfiguration} makes an application trust that key (and the
 * platform's default issuer and audience), so a test calls an endpoint as staff or as a
 * chapter without an identity-service running. The variants a resource server must refuse
 * (expired, another key, {@code alg: none}, another issuer or audience) are here too.
 */
public final class TestTokens {

	/** The issuer the platform trusts by default (the gateway's public address). */
	public static final String ISSUER = "http://localhost:8080";

	/** The audience the platform's tokens are for. */
	public static final String AUDIENCE = "ground-game";

	private static final RSAKey TRUSTED = newKey();

	private static final RSAKey UNTRUSTED = newKey();

	private static volatile Path publicKeyPem;

	private TestTokens() {
	}

	/**
	 * A token of national staff.
	 * @return a bearer token value
	 */
	public static String staff() {
		return token().roles("STAFF").build();
	}

	/**
	 * A token of the Campaign Leadership School's training staff: the school's staff
	 * operations, and nothing that only national staff may do.
	 * @return a bearer token value
	 */
	public static String trainingStaff() {
		return token().roles("TRAINING_STAFF").build();
	}

	/**
	 * A token of one chapter's integration.
	 * @param chapterId the chapter
	 * @return a bearer token value
	 */
	public static String chapter(String chapterId) {
		return token().roles("CHAPTER").chapterId(chapterId).build();
	}

	/**
	 * A token to shape: by default valid for five minutes, from {@link #ISSUER} for
	 * {@link #AUDIENCE}, with no roles.
	 * @return a builder
	 */
	public static Builder token() {
		return new Builder();
	}

	/**
	 * A token that says it needs no signature ({@code alg: none}) and claims staff.
	 * @return a bearer token value
	 */
	public static String unsigned() {
		String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
		long now = Instant.now().getEpochSecond();
		String claims = base64("{\"sub\":\"forger\",\"iss\":\"" + ISSUER + "\",\"aud\":[\"" + AUDIENCE + "\"],\"iat\":"
				+ now + ",\"exp\":" + (now + 300) + ",\"roles\":[\"STAFF\"]}");
		return header + "." + claims + ".";
	}

	/**
	 * The trusted public key as a PEM file, for
	 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location}.
	 * @return the file, written on first use
	 */
	public static synchronized Path publicKeyPem() {
		if (publicKeyPem == null) {
			try {
				Path file = Files.createTempFile("ground-game-test-issuer", ".pem");
				file.toFile().deleteOnExit();
				String encoded = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
					.encodeToString(TRUSTED.toRSAPublicKey().getEncoded());
				Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + encoded + "\n-----END PUBLIC KEY-----\n");
				publicKeyPem = file;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (com.nimbusds.jose.JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return publicKeyPem;
	}

	/**
	 * The trusted key set (public and private), for a test that serves it as a JWKS.
	 * @return the key set
	 */
	public static JWKSet trustedKeys() {
		return new JWKSet(TRUSTED);
	}

	private static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static RSAKey newKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Shapes one token. */
	public static final class Builder {

		private final List<String> roles = new ArrayList<>();

		private String subject = "test-client";

		private String chapterId;

		private String clientId;

		private String issuer = ISSUER;

		private List<String> audience = List.of(AUDIENCE);

		private Instant issuedAt = Instant.now();

		private Duration lifetime = Duration.ofMinutes(5);

		private RSAKey key = TRUSTED;

		private Builder() {
		}

		public Builder roles(String... roles) {
			this.roles.addAll(List.of(roles));
			return this;
		}

		public Builder chapterId(String chapterId) {
			this.chapterId = chapterId;
			return this;
		}

		public Builder subject(String subject) {
			this.subject = subject;
			return this;
		}

		/**
		 * Names the client the token was issued to ({@code client_id}, as the platform's
		 * authorization server does).
		 * @param clientId the client id
		 * @return this builder
		 */
		public Builder clientId(String clientId) {
			this.clientId = clientId;
			return this;
		}

		public Builder issuer(String issuer) {
			this.issuer = issuer;
			return this;
		}

		public Builder audience(String... audience) {
			this.audience = List.of(audience);
			return this;
		}

		/**
		 * Makes the token expired well beyond any clock skew allowance.
		 * @return this builder
		 */
		public Builder expired() {
			this.issuedAt = Instant.now().minus(Duration.ofHours(2));
			this.lifetime = Duration.ofMinutes(15);
			return this;
		}

		/**
		 * Signs with a key no resource server trusts.
		 * @return this builder
		 */
		public Builder signedWithAnotherKey() {
			this.key = UNTRUSTED;
			return this;
		}

		public String build() {
			JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
				.subject(this.subject)
				.issuer(this.issuer)
				.audience(this.audience)
				.issuedAt(this.issuedAt)
				.expiresAt(this.issuedAt.plus(this.lifetime))
				.claim("roles", List.copyOf(this.roles));
			if (this.chapterId != null) {
				claims.claim("chapter_id", this.chapterId);
			}
			if (this.clientId != null) {
				claims.claim("client_id", this.clientId);
			}
			NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(this.key)));
			JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(this.key.getKeyID()).build();
			return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
		}

	}

}
