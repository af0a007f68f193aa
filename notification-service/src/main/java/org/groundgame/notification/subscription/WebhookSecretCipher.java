package org.groundgame.notification.subscription;

import java.util.HexFormat;

import org.groundgame.support.secrets.KeyEncryption;
import org.groundgame.support.secrets.KeyEncryptionProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/**
 * Keeps webhook signing secrets sealed at rest with the service's key-encryption key
 * ({@link KeyEncryption}: {@code groundgame.secrets.kek}, AES-256-GCM), so that a copy of
 * the database alone cannot forge a chapter's webhooks. What was stored before reads as
 * well, and is sealed with the current key by the re-encryption run
 * ({@link WebhookSecretReencryption}, at every start): a secret in plain text, one sealed
 * with a previous key-encryption key ({@code groundgame.secrets.previous-keks}), and one
 * sealed by the earlier scheme ({@code {aes-gcm}…}, a key derived from
 * {@code groundgame.notification.webhooks.encryption.password} and {@code .salt}, which
 * are needed only until that run is done).
 */
@Component
class WebhookSecretCipher {

	/** The earlier scheme's prefix, read but never written. */
	static final String LEGACY_PREFIX = "{aes-gcm}";

	/** 8 bytes at least, as hex. */
	private static final int MIN_SALT_HEX = 16;

	private final KeyEncryption keys;

	private final TextEncryptor legacy;

	/**
	 * The service's cipher: the key-encryption key of {@code groundgame.secrets.kek} (the
	 * service does not start without one), and the earlier scheme's settings.
	 */
	@Autowired
	WebhookSecretCipher(KeyEncryptionProperties keys, WebhookProperties properties) {
		this(KeyEncryption.of(keys), legacy(properties.encryption()));
	}

	private WebhookSecretCipher(KeyEncryption keys, TextEncryptor legacy) {
		this.keys = keys;
		this.legacy = legacy;
	}

	/**
	 * @param keys the key-encryption keys
	 * @param legacy the earlier scheme's password and salt, if secrets sealed with it may
	 * still be stored
	 * @throws IllegalArgumentException for a legacy salt that is not at least 8 bytes of
	 * hex
	 */
	static WebhookSecretCipher of(KeyEncryption keys, WebhookProperties.Encryption legacy) {
		return new WebhookSecretCipher(keys, legacy(legacy));
	}

	/** The earlier scheme's encryptor, or {@code null} without its password. */
	private static TextEncryptor legacy(WebhookProperties.Encryption legacy) {
		if (legacy == null || legacy.password() == null || legacy.password().isBlank()) {
			return null;
		}
		String salt = (legacy.salt() != null) ? legacy.salt().strip() : "";
		if (salt.length() < MIN_SALT_HEX || !isHex(salt)) {
			throw new IllegalArgumentException(
					"groundgame.notification.webhooks.encryption.salt must be at least 8 random bytes, as hex");
		}
		return Encryptors.delux(legacy.password(), salt);
	}

	private static boolean isHex(String text) {
		try {
			HexFormat.of().parseHex(text);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** The secret as stored: sealed with the current key-encryption key. */
	String seal(String secret) {
		return (secret != null) ? this.keys.seal(secret) : null;
	}

	/**
	 * The secret from what is stored.
	 * @throws IllegalStateException for a secret sealed with a key that is not configured
	 */
	String open(String stored) {
		if (stored == null) {
			return null;
		}
		if (stored.startsWith(LEGACY_PREFIX)) {
			if (this.legacy == null) {
				throw new IllegalStateException("A webhook secret was sealed before the key-encryption key: set "
						+ "groundgame.notification.webhooks.encryption.password and .salt until it is sealed again");
			}
			return this.legacy.decrypt(stored.substring(LEGACY_PREFIX.length()));
		}
		return this.keys.open(stored);
	}

	/** Whether the stored value needs sealing again (absent values do not). */
	boolean isCurrent(String stored) {
		return stored == null || this.keys.isCurrent(stored);
	}

}
