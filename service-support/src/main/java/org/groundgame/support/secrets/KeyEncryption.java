package org.groundgame.support.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor.CipherAlgorithm;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * Seals secrets kept at rest (a service's private signing keys, webhook signing secrets)
 * with a key-encryption key (KEK) from configuration, so that a copy of the database
 * alone does not give them away. AES-256-GCM (authenticated: a sealed value that was
 * tampered with does not open) with a fresh random 96-bit nonce per value, through Spring
 * Security's {@link AesBytesEncryptor}, given the key itself rather than a password to
 * derive one from: a KEK is 32 random bytes, which need no stretching.
 * <p>
 * A sealed value names the key that sealed it: {@code {kek:<id>}<Base64 of nonce,
 * ciphertext and tag>}, where the id is the first 8 bytes of the key's SHA-256 (which
 * tells nothing of the key). So a value sealed with a previous key still opens after a
 * rotation, and a re-encryption run can tell which values are not yet under the current
 * key ({@link #isCurrent}). A value without the prefix is a secret stored before
 * encryption (plain text), read as it is and sealed by the next re-encryption run.
 */
public final class KeyEncryption {

	static final String PREFIX = "{kek:";

	private static final int KEY_BYTES = 32;

	private static final int NONCE_BYTES = 12;

	private final String currentId;

	private final Map<String, BytesEncryptor> keys;

	private KeyEncryption(String currentId, Map<String, BytesEncryptor> keys) {
		this.currentId = currentId;
		this.keys = keys;
	}

	/**
	 * @throws IllegalStateException when no current key is configured, or a key is not 32
	 * bytes in Base64, with a message saying how to make one
	 */
	public static KeyEncryption of(KeyEncryptionProperties properties) {
		if (properties == null || properties.kek() == null || properties.kek().isBlank()) {
			throw new IllegalStateException(
					"No key-encryption key: set groundgame.secrets.kek (GROUNDGAME_SECRETS_KEK) "
							+ "to 32 random bytes in Base64, e.g. the output of `openssl rand -base64 32`");
		}
		Map<String, BytesEncryptor> keys = new LinkedHashMap<>();
		String currentId = add(keys, properties.kek(), "groundgame.secrets.kek");
		for (String previous : properties.previousKeks()) {
			if (previous != null && !previous.isBlank()) {
				add(keys, previous, "groundgame.secrets.previous-keks");
			}
		}
		return new KeyEncryption(currentId, Map.copyOf(keys));
	}

	private static String add(Map<String, BytesEncryptor> keys, String base64, String property) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(property + " is not Base64: make one with `openssl rand -base64 32`");
		}
		if (key.length != KEY_BYTES) {
			throw new IllegalStateException(property + " must be " + KEY_BYTES + " bytes (it is " + key.length
					+ "): make one with `openssl rand -base64 32`");
		}
		String id = keyId(key);
		SecretKey secretKey = new SecretKeySpec(key, "AES");
		keys.putIfAbsent(id,
				new AesBytesEncryptor(secretKey, KeyGenerators.secureRandom(NONCE_BYTES), CipherAlgorithm.GCM));
		return id;
	}

	static String keyId(byte[] key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	/** The id of the current key, as sealed values name it. */
	public String currentKeyId() {
		return this.currentId;
	}

	/** The secret sealed with the current key. */
	public String seal(String secret) {
		byte[] sealed = this.keys.get(this.currentId).encrypt(secret.getBytes(StandardCharsets.UTF_8));
		return PREFIX + this.currentId + "}" + Base64.getEncoder().encodeToString(sealed);
	}

	/**
	 * The secret from what is stored: a value sealed with the current or a previous key,
	 * or a plain-text value stored before encryption.
	 * @throws IllegalStateException when the value was sealed with a key that is not
	 * configured, or does not open with it (tampered with)
	 */
	public String open(String stored) {
		if (!isSealed(stored)) {
			return stored;
		}
		int end = stored.indexOf('}');
		String id = stored.substring(PREFIX.length(), end);
		BytesEncryptor key = this.keys.get(id);
		if (key == null) {
			throw new IllegalStateException("A secret is sealed with key-encryption key " + id
					+ ", which is neither groundgame.secrets.kek nor one of groundgame.secrets.previous-keks");
		}
		try {
			return new String(key.decrypt(Base64.getDecoder().decode(stored.substring(end + 1))),
					StandardCharsets.UTF_8);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("A secret sealed with key-encryption key " + id + " does not open", ex);
		}
	}

	/** Whether the value is sealed at all (not plain text stored before encryption). */
	public static boolean isSealed(String stored) {
		return stored != null && stored.startsWith(PREFIX) && stored.indexOf('}') > PREFIX.length();
	}

	/**
	 * Whether the value is sealed with the current key: nothing for a re-encryption to
	 * do.
	 */
	public boolean isCurrent(String stored) {
		return isSealed(stored) && stored.startsWith(PREFIX + this.currentId + "}");
	}

	@Override
	public String toString() {
		return "KeyEncryption[current=" + this.currentId + ", keys=" + this.keys.size() + "]";
	}

}
