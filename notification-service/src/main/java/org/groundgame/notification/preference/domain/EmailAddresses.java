package org.groundgame.notification.preference.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The key a person's e-mail preferences are kept under: a hash of their address,
 * normalized, so that the choices hold for whoever is written to at that address (a
 * volunteer signing up again, with a new id or not; the same person as a trainee) and the
 * address itself is not stored with them. The hash is still personal data (an address one
 * already knows can be hashed and looked up), so it is kept only as long as a personal
 * record it was e-mailed for is, and goes with the last one's erasure.
 */
public final class EmailAddresses {

	private static final String CONTEXT = "groundgame:email-preferences:";

	private EmailAddresses() {
	}

	/**
	 * The address as compared: without surrounding blanks, in lower case (no mail server
	 * of ours tells {@code Ada@} from {@code ada@}).
	 */
	public static String normalize(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	/** The key of an address's preferences: SHA-256 of the normalized address, in hex. */
	public static String keyOf(String email) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((CONTEXT + normalize(email)).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}
