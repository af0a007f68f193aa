package org.groundgame.support.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Tokens that let a person act on one thing of theirs without an account (a candidate's
 * questionnaire, a volunteer's signup): 32 random bytes, base64url, handed out once. Only
 * their SHA-256 is stored, so a copy of the store lets nobody act in anyone's name.
 */
public final class CapabilityTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private CapabilityTokens() {
	}

	/** A new token, to hand out once and never store. */
	public static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** What is stored of a token: its SHA-256, in hex. */
	public static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/**
	 * Whether the token (surrounding blanks ignored) is the one whose hash is stored,
	 * compared in constant time.
	 */
	public static boolean matches(String token, String storedHash) {
		if (token == null || token.isBlank() || storedHash == null) {
			return false;
		}
		return MessageDigest.isEqual(hash(token.strip()).getBytes(StandardCharsets.UTF_8),
				storedHash.getBytes(StandardCharsets.UTF_8));
	}

}
