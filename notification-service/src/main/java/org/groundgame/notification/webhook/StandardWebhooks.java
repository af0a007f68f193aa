package org.groundgame.notification.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * The signing side of <a href="https://www.standardwebhooks.com/">Standard Webhooks</a>,
 * by the specification's own Java library
 * ({@code com.standardwebhooks:standardwebhooks}): {@code v1,} followed by the base64
 * HMAC-SHA256 of {@code id.timestamp.body}, keyed with the base64-decoded part of a
 * {@code whsec_} secret after its prefix. Receivers verify with any of the libraries of
 * the specification. What the library leaves open is decided here: a secret must carry
 * the prefix, and several secrets (a rotation) sign side by side.
 */
public final class StandardWebhooks {

	/** The prefix of a Standard Webhooks secret; what follows it is base64. */
	public static final String SECRET_PREFIX = "whsec_";

	private StandardWebhooks() {
	}

	/**
	 * The value of the {@code webhook-signature} header: one {@code v1,<signature>} per
	 * secret, space-separated, in the order given. During a secret rotation there are two
	 * secrets, so a receiver that still holds the old one (or already the new one)
	 * verifies.
	 * @param msgId the {@code webhook-id}
	 * @param timestampSeconds the {@code webhook-timestamp}, in seconds since the epoch
	 * @param body the exact bytes sent, UTF-8 (the library signs the body as text and
	 * encodes it back to UTF-8, which gives the same bytes for any UTF-8 body)
	 * @param secrets {@code whsec_<base64>} secrets, at least one
	 */
	public static String signature(String msgId, long timestampSeconds, byte[] body, List<String> secrets) {
		Objects.requireNonNull(msgId, "msgId");
		Objects.requireNonNull(body, "body");
		if (secrets == null || secrets.isEmpty()) {
			throw new IllegalArgumentException("At least one secret is needed to sign a webhook");
		}
		String payload = utf8(body);
		return secrets.stream()
			.map((secret) -> sign(webhook(secret), msgId, timestampSeconds, payload))
			.collect(Collectors.joining(" "));
	}

	/** The body as text, refused if it is not UTF-8 (it would not be signed as sent). */
	private static String utf8(byte[] body) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("A webhook body must be UTF-8 to be signed");
		}
	}

	private static Webhook webhook(String secret) {
		if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
			// Never the secret itself in a message: it could end up in a log.
			throw new IllegalArgumentException("A webhook secret must start with " + SECRET_PREFIX);
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("A webhook secret must be base64 after " + SECRET_PREFIX);
		}
		if (key.length == 0) {
			throw new IllegalArgumentException("A webhook secret must be base64 after " + SECRET_PREFIX);
		}
		try {
			return new Webhook(key);
		}
		catch (EmptyWebhookSecretException ex) {
			throw new IllegalArgumentException("A webhook secret must be base64 after " + SECRET_PREFIX);
		}
	}

	private static String sign(Webhook webhook, String msgId, long timestampSeconds, String payload) {
		try {
			return webhook.sign(msgId, timestampSeconds, payload);
		}
		catch (WebhookSigningException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
