package org.groundgame.identity.person;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time codes (RFC 6238) as authenticator apps make them: HMAC-SHA1, six
 * digits, 30-second steps, secrets of 20 random bytes (RFC 4226's recommended length)
 * shown in Base32. The codes are computed by java-otp. A code is accepted for the step
 * before and after the current one too (a phone's clock a little off, a code typed as it
 * changed); which step it matched is returned, so that the caller can refuse the same
 * step twice.
 */
public final class Totp {

	static final Duration STEP = Duration.ofSeconds(30);

	private static final int DIGITS = 6;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final TimeBasedOneTimePasswordGenerator CODES = new TimeBasedOneTimePasswordGenerator(STEP, DIGITS,
			TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

	private Totp() {
	}

	/** A new secret, in Base32 (no padding), as an authenticator app takes it. */
	public static String newSecret() {
		byte[] bytes = new byte[20];
		RANDOM.nextBytes(bytes);
		return new Base32().encodeToString(bytes).replace("=", "");
	}

	/** Whether the text is a Base32 secret of at least 16 bytes. */
	public static boolean isSecret(String base32) {
		if (base32 == null || !base32.strip().toUpperCase(Locale.ROOT).matches("[A-Z2-7]+=*")) {
			return false;
		}
		return new Base32().decode(base32.strip().toUpperCase(Locale.ROOT)).length >= 16;
	}

	/**
	 * The {@code otpauth://} URI an authenticator app reads (from a QR code, or typed).
	 */
	public static String uri(String issuer, String account, String secret) {
		String label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits="
				+ DIGITS + "&period=" + STEP.toSeconds();
	}

	/** The code of the secret at that instant (for tests and the local platform). */
	public static String code(String secret, Instant at) {
		try {
			return CODES.generateOneTimePasswordString(key(secret), at, Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalArgumentException("Not a usable TOTP secret", ex);
		}
	}

	/**
	 * The time step the code belongs to, if it is the secret's code for the step before,
	 * at or after {@code now}.
	 */
	public static OptionalLong matchingStep(String secret, String code, Instant now) {
		if (code == null) {
			return OptionalLong.empty();
		}
		String digits = code.replace(" ", "").strip();
		if (!digits.matches("[0-9]{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long current = now.getEpochSecond() / STEP.toSeconds();
		for (long step = current - 1; step <= current + 1; step++) {
			String expected = code(secret, Instant.ofEpochSecond(step * STEP.toSeconds()));
			if (java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
					digits.getBytes(StandardCharsets.US_ASCII))) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	private static Key key(String secret) {
		return new SecretKeySpec(new Base32().decode(secret.strip().toUpperCase(Locale.ROOT)), "HmacSHA1");
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
