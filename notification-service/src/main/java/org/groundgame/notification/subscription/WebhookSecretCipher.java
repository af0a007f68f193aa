package org.groundgame.notification.subscription;

import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;

/**
 * Keeps webhook signing secrets encrypted at rest: AES-256-GCM with a key derived
 * (PBKDF2) from a password and salt of the deployment's (Spring Security's
 * {@code Encryptors.delux}), so that a copy of the database alone cannot forge a
 * chapter's webhooks. A secret stored before encryption was configured is read as it is
 * and encrypted the next time its subscription is saved.
 */
class WebhookSecretCipher {

	private static final Logger log = LoggerFactory.getLogger(WebhookSecretCipher.class);

	static final String PREFIX = "{aes-gcm}";

	/** 8 bytes at least, as hex. */
	private static final int MIN_SALT_HEX = 16;

	private final TextEncryptor encryptor;

	private WebhookSecretCipher(TextEncryptor encryptor) {
		this.encryptor = encryptor;
	}

	/**
	 * @throws IllegalArgumentException for a salt that is not at least 8 bytes of hex
	 */
	static WebhookSecretCipher of(WebhookProperties.Encryption encryption) {
		if (encryption == null || encryption.password() == null || encryption.password().isBlank()) {
			log.warn("Webhook signing secrets are stored unencrypted: set "
					+ "groundgame.notification.webhooks.encryption.password and .salt");
			return new WebhookSecretCipher(null);
		}
		String salt = (encryption.salt() != null) ? encryption.salt().strip() : "";
		if (salt.length() < MIN_SALT_HEX || !isHex(salt)) {
			throw new IllegalArgumentException(
					"groundgame.notification.webhooks.encryption.salt must be at least 8 random bytes, as hex");
		}
		return new WebhookSecretCipher(Encryptors.delux(encryption.password(), salt));
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

	boolean encrypts() {
		return this.encryptor != null;
	}

	/** The secret as stored. */
	String seal(String secret) {
		if (secret == null || this.encryptor == null) {
			return secret;
		}
		return PREFIX + this.encryptor.encrypt(secret);
	}

	/**
	 * The secret from what is stored.
	 * @throws IllegalStateException for an encrypted secret without the key to open it
	 */
	String open(String stored) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			return stored;
		}
		if (this.encryptor == null) {
			throw new IllegalStateException("Webhook secrets are encrypted, but "
					+ "groundgame.notification.webhooks.encryption.password is not set");
		}
		return this.encryptor.decrypt(stored.substring(PREFIX.length()));
	}

}
