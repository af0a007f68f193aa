package org.groundgame.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signing side of <a href="https://www.standardwebhooks.com/">Standard Webhooks</a>:
 * {@code v1,} followed by the base64 HMAC-SHA256 of {@code id.timestamp.body}, keyed with
 * the base64-decoded part of a {@code whsec_} secret after its prefix. Receivers verify
 * with any of the libraries of the specification.
 */
public final class StandardWebhooks {

	/** The prefix of a Standard Webhooks secret; what follows it is base64. */
	public static final String SECRET_PREFIX = "whsec_";

	private static final String HMAC_SHA256 = "HmacSHA256";

	private StandardWebhooks() {
	}

	/**
	 * The value of the {@code webhook-signature} header: one {@code v1,<signature>} per
	 * secret, space-separated, in the order given. During a secret rotation there are two
	 * secrets, so a receiver that still holds the old one (or already the new one)
	 * verifies.
	 * @param msgId the {@code webhook-id}
	 * @param timestampSeconds the {@code webhook-timestamp}, in seconds since the epoch
	 * @param body the exact bytes sent
	 * @param secrets {@code whsec_<base64>} secrets, at least one
	 */
	public static String signature(String msgId, long timestampSeconds, byte[] body, List<String> secrets) {
		Objects.requireNonNull(msgId, "msgId");
		Objects.requireNonNull(body, "body");
		if (secrets == null || secrets.isEmpty()) {
			throw new IllegalArgumentException("At least one secret is needed to sign a webhook");
		}
		byte[] signed = signedContent(msgId, timestampSeconds, body);
		return secrets.stream().map((secret) -> "v1," + sign(key(secret), signed)).collect(Collectors.joining(" "));
	}

	private static byte[] signedContent(String msgId, long timestampSeconds, byte[] body) {
		byte[] prefix = (msgId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
		byte[] content = new byte[prefix.length + body.length];
		System.arraycopy(prefix, 0, content, 0, prefix.length);
		System.arraycopy(body, 0, content, prefix.length, body.length);
		return content;
	}

	private static byte[] key(String secret) {
		if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
			// Never the secret itself in a message: it could end up in a log.
			throw new IllegalArgumentException("A webhook secret must start with " + SECRET_PREFIX);
		}
		try {
			byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
			if (key.length == 0) {
				throw new IllegalArgumentException("A webhook secret must not be empty");
			}
			return key;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("A webhook secret must be base64 after " + SECRET_PREFIX);
		}
	}

	private static String sign(byte[] key, byte[] content) {
		try {
			Mac mac = Mac.getInstance(HMAC_SHA256);
			mac.init(new SecretKeySpec(key, HMAC_SHA256));
			return Base64.getEncoder().encodeToString(mac.doFinal(content));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
