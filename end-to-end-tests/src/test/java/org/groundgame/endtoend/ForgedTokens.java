package org.groundgame.endtoend;

import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Sorts;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.bson.Document;

import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * Tokens an attacker or a mistake would present. The ones that must fail for a single
 * reason (expired, another issuer, another audience) are signed with the
 * identity-service's current key, read from its store, so that their signature is valid
 * and only that reason can refuse them.
 */
final class ForgedTokens {

	/** The identity-service's database (its application.yaml). */
	static final String IDENTITY_DATABASE = "groundgame-identity";

	private final RSAKey trusted;

	private final RSAKey untrusted;

	private final String issuer;

	/**
	 * @param mongoConnectionString the platform's store
	 * @param keyEncryptionKey the platform's key-encryption key, which seals the private
	 * keys in the store: a copy of the store alone would not be enough to forge
	 * @param issuer the tokens' issuer
	 */
	ForgedTokens(String mongoConnectionString, String keyEncryptionKey, String issuer) {
		this.trusted = currentKey(mongoConnectionString, keyEncryptionKey);
		this.untrusted = newKey();
		this.issuer = issuer;
	}

	String expired(String role, String chapterId) {
		Instant issued = Instant.now().minus(Duration.ofHours(2));
		return sign(this.trusted, claims(role, chapterId, this.issuer, "ground-game", issued));
	}

	String signedWithAnotherKey(String role, String chapterId) {
		return sign(this.untrusted, claims(role, chapterId, this.issuer, "ground-game", Instant.now()));
	}

	String unsigned(String role, String chapterId) {
		return new PlainJWT(claims(role, chapterId, this.issuer, "ground-game", Instant.now())).serialize();
	}

	String wrongIssuer(String role, String chapterId) {
		return sign(this.trusted, claims(role, chapterId, "https://issuer.evil.example", "ground-game", Instant.now()));
	}

	String wrongAudience(String role, String chapterId) {
		return sign(this.trusted, claims(role, chapterId, this.issuer, "another-api", Instant.now()));
	}

	/** A control: the same forging, with nothing wrong, must be accepted. */
	String valid(String role, String chapterId) {
		return sign(this.trusted, claims(role, chapterId, this.issuer, "ground-game", Instant.now()));
	}

	private static JWTClaimsSet claims(String role, String chapterId, String issuer, String audience,
			Instant issuedAt) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("forger")
			.issuer(issuer)
			.audience(audience)
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(issuedAt.plus(Duration.ofMinutes(15))))
			.claim("roles", List.of(role));
		if (chapterId != null) {
			claims.claim("chapter_id", chapterId);
		}
		return claims.build();
	}

	private static String sign(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A private key as service-support's KeyEncryption sealed it:
	 * {@code {kek:<id>}<Base64 of a 12-byte nonce, the AES-GCM ciphertext and tag>}.
	 */
	private static String unsealed(String sealed, String keyEncryptionKey) {
		if (!sealed.startsWith("{kek:")) {
			throw new IllegalStateException("The identity-service's private key is not sealed");
		}
		AesBytesEncryptor aes = new AesBytesEncryptor(
				new SecretKeySpec(Base64.getDecoder().decode(keyEncryptionKey), "AES"), KeyGenerators.secureRandom(12),
				AesBytesEncryptor.CipherAlgorithm.GCM);
		byte[] opened = aes.decrypt(Base64.getDecoder().decode(sealed.substring(sealed.indexOf('}') + 1)));
		return new String(opened, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static RSAKey currentKey(String mongoConnectionString, String keyEncryptionKey) {
		try (MongoClient mongo = MongoClients.create(mongoConnectionString)) {
			Document key = mongo.getDatabase(IDENTITY_DATABASE)
				.getCollection("signingKeys")
				.find()
				.sort(Sorts.descending("generation"))
				.first();
			if (key == null) {
				throw new IllegalStateException("The identity-service has no signing key yet");
			}
			KeyFactory rsa = KeyFactory.getInstance("RSA");
			RSAPublicKey publicKey = (RSAPublicKey) rsa
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.getString("publicKey"))));
			RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(
					Base64.getDecoder().decode(unsealed(key.getString("privateKey"), keyEncryptionKey))));
			return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(key.getString("_id")).build();
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey newKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			var pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
