package org.groundgame.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor.CipherAlgorithm;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * Seals a session's attributes at rest: they hold what a signed-in person's browser
 * session is worth (the security context, an OAuth2 client's access and refresh tokens,
 * an authenticator secret being enrolled), so a copy of the database alone must not give
 * them away. AES-256-GCM (authenticated) with a fresh 96-bit nonce per write, through
 * Spring Security's {@link AesBytesEncryptor}.
 * <p>
 * The key is derived from the platform's key-encryption key
 * ({@code groundgame.secrets.kek}, 32 random bytes in Base64) as HMAC-SHA256(kek,
 * "groundgame.sessions"), so that the sessions' key is not the very key that seals other
 * secrets. A sealed value names the key it was sealed with (the first 8 bytes of the
 * derived key's SHA-256, which tell nothing of it): after a rotation, sessions sealed
 * with a previous key ({@code groundgame.secrets.previous-keks}) still open; a session
 * sealed with a key no longer configured is treated as gone (its person signs in again).
 */
public final class SessionSealing {

	private static final byte[] PURPOSE = "groundgame.sessions".getBytes(StandardCharsets.US_ASCII);

	private static final int KEY_BYTES = 32;

	private static final int NONCE_BYTES = 12;

	private final String currentId;

	private final Map<String, BytesEncryptor> keys;

	private SessionSealing(String currentId, Map<String, BytesEncryptor> keys) {
		this.currentId = currentId;
		this.keys = keys;
	}

	/**
	 * @param kek the current key, Base64 of 32 bytes
	 * @param previousKeks keys sessions may still be sealed with
	 * @param property the setting the key comes from, for the messages
	 * @throws IllegalStateException when there is no key, or a key is not 32 bytes in
	 * Base64, with a message saying how to make one
	 */
	public static SessionSealing withKeys(String kek, List<String> previousKeks, String property) {
		if (kek == null || kek.isBlank()) {
			throw new IllegalStateException("No key to seal sessions with: set " + property
					+ " to 32 random bytes in Base64, e.g. `openssl rand -base64 32`");
		}
		Map<String, BytesEncryptor> keys = new LinkedHashMap<>();
		String currentId = add(keys, kek, property);
		for (String previous : (previousKeks != null) ? previousKeks : List.<String>of()) {
			if (previous != null && !previous.isBlank()) {
				add(keys, previous, "a previous key of " + property);
			}
		}
		return new SessionSealing(currentId, Map.copyOf(keys));
	}

	private static String add(Map<String, BytesEncryptor> keys, String base64, String property) {
		byte[] kek;
		try {
			kek = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(property + " is not Base64: make one with `openssl rand -base64 32`");
		}
		if (kek.length != KEY_BYTES) {
			throw new IllegalStateException(property + " must be " + KEY_BYTES + " bytes (it is " + kek.length
					+ "): make one with `openssl rand -base64 32`");
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(kek, "HmacSHA256"));
			byte[] key = mac.doFinal(PURPOSE);
			String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
			keys.putIfAbsent(id, new AesBytesEncryptor(new SecretKeySpec(key, "AES"),
					KeyGenerators.secureRandom(NONCE_BYTES), CipherAlgorithm.GCM));
			return id;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JDK has HmacSHA256 and SHA-256", ex);
		}
	}

	/** The id of the key {@link #seal} uses. */
	String currentKeyId() {
		return this.currentId;
	}

	/** The bytes sealed with the current key. */
	byte[] seal(byte[] plain) {
		return this.keys.get(this.currentId).encrypt(plain);
	}

	/**
	 * The bytes sealed with the key of this id; {@code null} when that key is not
	 * configured or the bytes do not open with it (tampered with).
	 */
	byte[] open(String keyId, byte[] sealed) {
		BytesEncryptor key = this.keys.get(keyId);
		if (key == null) {
			return null;
		}
		try {
			return key.decrypt(sealed);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "SessionSealing[current=" + this.currentId + ", keys=" + this.keys.size() + "]";
	}

}
