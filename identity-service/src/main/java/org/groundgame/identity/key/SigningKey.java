package org.groundgame.identity.key;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.UUID;

/**
 * One RSA key the service signs tokens with, identified by its {@code kid}. The
 * generation orders keys: the highest is the current one, and two instances rotating at
 * once both try to create the same generation, of which only one is stored.
 */
record SigningKey(String id, long generation, Instant createdAt, RSAPublicKey publicKey, RSAPrivateKey privateKey) {

	static final int KEY_SIZE = 2048;

	static SigningKey generate(long generation, Instant now) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(KEY_SIZE);
			KeyPair pair = generator.generateKeyPair();
			return new SigningKey(UUID.randomUUID().toString(), generation, now, (RSAPublicKey) pair.getPublic(),
					(RSAPrivateKey) pair.getPrivate());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has RSA", ex);
		}
	}

	@Override
	public String toString() {
		return "SigningKey[id=" + this.id + ", generation=" + this.generation + ", createdAt=" + this.createdAt + "]";
	}

}
