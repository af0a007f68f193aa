package org.groundgame.endorsement.nomination;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The questionnaire's capability tokens: 32 random bytes, base64url. Only their SHA-256
 * is stored, so a copy of the database lets nobody answer in a candidate's name.
 */
final class QuestionnaireTokens {

	private static final SecureRandom random = new SecureRandom();

	private QuestionnaireTokens() {
	}

	static String newToken() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
