package org.groundgame.notification.subscription.domain;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Where a chapter's integration receives events, the secret its deliveries are signed
 * with (Standard Webhooks: {@code whsec_} and the base64 of the key's bytes), and how the
 * endpoint has been faring.
 *
 * @param url an absolute http(s) URL, checked by {@link WebhookAddresses}
 * @param secret the signing secret, shown to the chapter once, when it is made
 * @param previousSecret the secret before the last rotation, still signing beside the new
 * one until {@code previousSecretExpiresAt}, so that the chapter can switch over without
 * losing a message
 * @param disabledAt when deliveries to it stopped (it answered {@code 410 Gone}, or
 * failed for days), or {@code null} while it is enabled
 * @param disabledReason why it was disabled
 * @param failingSince the first failure since the last success, or {@code null}
 */
public record Webhook(String url, String secret, String previousSecret, Instant previousSecretExpiresAt,
		Instant disabledAt, String disabledReason, Instant failingSince) {

	static final String SECRET_PREFIX = "whsec_";

	/** 32 bytes: Standard Webhooks asks for 24 to 64. */
	static final int SECRET_BYTES = 32;

	public Webhook {
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(secret, "secret");
	}

	public Webhook(String url, String secret) {
		this(url, secret, null, null, null, null, null);
	}

	/** A new endpoint with a new random secret. */
	public static Webhook at(String url, SecureRandom random) {
		return new Webhook(url, newSecret(random));
	}

	private static String newSecret(SecureRandom random) {
		byte[] key = new byte[SECRET_BYTES];
		random.nextBytes(key);
		return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/**
	 * A new secret; the current one keeps signing beside it for {@code overlap}, so the
	 * chapter's integration may switch whenever it likes within that time.
	 */
	public Webhook rotated(SecureRandom random, Instant now, Duration overlap) {
		return new Webhook(this.url, newSecret(random), this.secret, now.plus(overlap), this.disabledAt,
				this.disabledReason, this.failingSince);
	}

	/** The secrets that sign a message sent at a time: the current first. */
	public List<String> secretsAt(Instant now) {
		List<String> secrets = new ArrayList<>(2);
		secrets.add(this.secret);
		if (this.previousSecret != null && this.previousSecretExpiresAt != null
				&& now.isBefore(this.previousSecretExpiresAt)) {
			secrets.add(this.previousSecret);
		}
		return secrets;
	}

	public boolean enabled() {
		return this.disabledAt == null;
	}

	/** Enabled again by the chapter, with a clean record. */
	public Webhook reenabled() {
		return new Webhook(this.url, this.secret, this.previousSecret, this.previousSecretExpiresAt, null, null, null);
	}

	public Webhook disabled(Instant at, String reason) {
		return new Webhook(this.url, this.secret, this.previousSecret, this.previousSecretExpiresAt, at, reason,
				this.failingSince);
	}

	/**
	 * The endpoint after a failed attempt: failing since the first failure after a
	 * success, and disabled once that was longer ago than {@code disableAfter}.
	 */
	public Webhook failed(Instant at, Duration disableAfter) {
		Instant since = (this.failingSince != null) ? this.failingSince : at;
		Webhook failing = new Webhook(this.url, this.secret, this.previousSecret, this.previousSecretExpiresAt,
				this.disabledAt, this.disabledReason, since);
		if (failing.enabled() && !at.isBefore(since.plus(disableAfter))) {
			return failing.disabled(at, "failing since " + since + " without a success");
		}
		return failing;
	}

	public Webhook succeeded() {
		return (this.failingSince == null) ? this : new Webhook(this.url, this.secret, this.previousSecret,
				this.previousSecretExpiresAt, this.disabledAt, this.disabledReason, null);
	}

	@Override
	public String toString() {
		return "Webhook[url=" + this.url + ", enabled=" + enabled() + "]";
	}

}
