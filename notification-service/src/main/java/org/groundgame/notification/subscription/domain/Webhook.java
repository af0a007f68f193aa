package org.groundgame.notification.subscription.domain;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Where a chapter's integration receives events, and the secret its deliveries are signed
 * with (Standard Webhooks: {@code whsec_} and the base64 of the key's bytes).
 *
 * @param url an absolute http(s) URL, checked by {@link WebhookAddresses}
 * @param secret the signing secret, shown to the chapter once, when the URL is set
 */
public record Webhook(String url, String secret) {

	static final String SECRET_PREFIX = "whsec_";

	/** 32 bytes: Standard Webhooks asks for 24 to 64. */
	static final int SECRET_BYTES = 32;

	public Webhook {
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(secret, "secret");
	}

	/** A new endpoint with a new random secret. */
	public static Webhook at(String url, SecureRandom random) {
		byte[] key = new byte[SECRET_BYTES];
		random.nextBytes(key);
		return new Webhook(url, SECRET_PREFIX + Base64.getEncoder().encodeToString(key));
	}

	@Override
	public String toString() {
		return "Webhook[url=" + this.url + "]";
	}

}
