package org.groundgame.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The one way an e-mail address becomes a match key: the hex SHA-256 of the address
 * stripped and lower-cased. Services that must recognise the same person by address (a
 * graduate of the school nominated for office) compare keys, so that the address itself
 * need not travel on events whose other readers have no use for it.
 * <p>
 * A key is pseudonymous, not anonymous (anyone holding a list of addresses can compute
 * theirs): it is personal data and treated as such.
 */
public final class EmailKeys {

	private EmailKeys() {
	}

	/**
	 * @return the address's key, or {@code null} for no address
	 */
	public static String of(String email) {
		if (email == null || email.isBlank()) {
			return null;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
