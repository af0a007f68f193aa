package org.groundgame.volunteer.calendar;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token in a volunteer's feed address: an HMAC-SHA256 of their id under the service's
 * secret, so only this service makes one and a calendar app reads the feed without an
 * account. Checked in constant time.
 */
public final class FeedTokens {

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	public FeedTokens(byte[] secret) {
		if (secret == null || secret.length < 16) {
			throw new IllegalArgumentException("The calendar secret needs at least 16 bytes");
		}
		this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
	}

	/** The token of a volunteer's feed: 43 characters of base64url. */
	public String tokenFor(String volunteerId) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			byte[] digest = mac.doFinal(volunteerId.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	/** Whether the token opens that volunteer's feed, compared in constant time. */
	public boolean opens(String volunteerId, String token) {
		if (volunteerId == null || token == null) {
			return false;
		}
		return MessageDigest.isEqual(tokenFor(volunteerId).getBytes(StandardCharsets.US_ASCII),
				token.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		return "FeedTokens[secret hidden]";
	}

}
