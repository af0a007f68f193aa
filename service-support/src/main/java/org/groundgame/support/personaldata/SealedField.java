package org.groundgame.support.personaldata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One personal-data field of an event as it travels: AES-256-GCM under the data key of
 * the personal record it belongs to, written as {@code {pd:<keys topic>:<record
 * id>}<Base64 of nonce and ciphertext>}. The keys topic and the record id say which key
 * opens it; they and the field's name are the associated data, so a sealed value cannot
 * be moved to another field or record unnoticed.
 *
 * @param keysTopic the compacted topic that carries the key
 * @param subject the personal record (a volunteer, an enrollment, a nomination)
 * @param sealed the nonce followed by the ciphertext and its tag
 */
record SealedField(String keysTopic, String subject, byte[] sealed) {

	static final String PREFIX = "{pd:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final SecureRandom RANDOM = new SecureRandom();

	static SealedField seal(String keysTopic, String subject, String field, byte[] dataKey, String plaintext) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(dataKey, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData(keysTopic, subject, field));
			byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return new SealedField(keysTopic, subject,
					ByteBuffer.allocate(nonce.length + ciphertext.length).put(nonce).put(ciphertext).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JDK has AES-GCM", ex);
		}
	}

	/**
	 * @return the plaintext
	 * @throws IllegalStateException if the key does not open it (another key, or the
	 * value was altered or moved)
	 */
	String open(String field, byte[] dataKey) {
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"),
					new GCMParameterSpec(TAG_BITS, this.sealed, 0, NONCE_BYTES));
			cipher.updateAAD(associatedData(this.keysTopic, this.subject, field));
			return new String(cipher.doFinal(this.sealed, NONCE_BYTES, this.sealed.length - NONCE_BYTES),
					StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(
					"Field " + field + " of record " + this.subject + " does not open with its key", ex);
		}
	}

	static boolean isSealed(String value) {
		return value != null && value.startsWith(PREFIX);
	}

	/**
	 * @return the sealed field, or {@code null} when the value is not one (an event from
	 * before crypto-shredding, in plain text)
	 */
	static SealedField parse(String value) {
		if (!isSealed(value)) {
			return null;
		}
		int close = value.indexOf('}');
		int colon = value.indexOf(':', PREFIX.length());
		if (close < 0 || colon < 0 || colon > close) {
			return null;
		}
		try {
			return new SealedField(value.substring(PREFIX.length(), colon), value.substring(colon + 1, close),
					Base64.getDecoder().decode(value.substring(close + 1)));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	String text() {
		return PREFIX + this.keysTopic + ":" + this.subject + "}" + Base64.getEncoder().encodeToString(this.sealed);
	}

	private static byte[] associatedData(String keysTopic, String subject, String field) {
		return (keysTopic + ":" + subject + ":" + field).getBytes(StandardCharsets.UTF_8);
	}

}
