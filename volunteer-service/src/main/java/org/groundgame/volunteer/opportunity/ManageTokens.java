package org.groundgame.volunteer.opportunity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The token that lets a volunteer manage their own signup without an account: 32 random
 * bytes, base64url, handed out once; only its SHA-256 is stored, so the store alone
 * cannot act for anyone.
 */
final class ManageTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private ManageTokens() {
	}

	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/** Whether the token is the one whose hash is stored, compared in constant time. */
	static boolean matches(String token, String storedHash) {
		if (token == null || token.isBlank() || storedHash == null) {
			return false;
		}
		return MessageDigest.isEqual(hash(token.strip()).getBytes(StandardCharsets.UTF_8),
				storedHash.getBytes(StandardCharsets.UTF_8));
	}

}
