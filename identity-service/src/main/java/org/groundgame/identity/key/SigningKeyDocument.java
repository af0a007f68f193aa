package org.groundgame.identity.key;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

import org.groundgame.support.secrets.KeyEncryption;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A signing key as stored: its key pair in standard encodings (X.509, PKCS#8), the
 * private key sealed with the key-encryption key ({@link KeyEncryption}). The unique
 * generation ({@link SigningKeyStore}) makes concurrent rotations by several instances
 * create one key, not two.
 */
@Document(SigningKeyDocument.COLLECTION)
class SigningKeyDocument {

	static final String COLLECTION = "signingKeys";

	static final String GENERATION = "generation";

	@Id
	private final String id;

	/** Unique ({@link SigningKeyStore} keeps the index). */
	private final long generation;

	private final Instant createdAt;

	private final String publicKey;

	private final String privateKey;

	@PersistenceCreator
	SigningKeyDocument(String id, long generation, Instant createdAt, String publicKey, String privateKey) {
		this.id = id;
		this.generation = generation;
		this.createdAt = createdAt;
		this.publicKey = publicKey;
		this.privateKey = privateKey;
	}

	static final String PRIVATE_KEY = "privateKey";

	static SigningKeyDocument of(SigningKey key, KeyEncryption encryption) {
		Base64.Encoder base64 = Base64.getEncoder();
		return new SigningKeyDocument(key.id(), key.generation(), key.createdAt(),
				base64.encodeToString(key.publicKey().getEncoded()),
				encryption.seal(base64.encodeToString(key.privateKey().getEncoded())));
	}

	/**
	 * @throws IllegalStateException when the private key is sealed with a key-encryption
	 * key that is not configured
	 */
	SigningKey toSigningKey(KeyEncryption encryption) {
		try {
			KeyFactory rsa = KeyFactory.getInstance("RSA");
			Base64.Decoder base64 = Base64.getDecoder();
			RSAPublicKey publicKey = (RSAPublicKey) rsa
				.generatePublic(new X509EncodedKeySpec(base64.decode(this.publicKey)));
			RSAPrivateKey privateKey = (RSAPrivateKey) rsa
				.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(encryption.open(this.privateKey))));
			return new SigningKey(this.id, this.generation, this.createdAt, publicKey, privateKey);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Signing key " + this.id + " cannot be read", ex);
		}
	}

	String getId() {
		return this.id;
	}

	/** The private key as stored: sealed, or plain text from before encryption. */
	String getPrivateKey() {
		return this.privateKey;
	}

}
