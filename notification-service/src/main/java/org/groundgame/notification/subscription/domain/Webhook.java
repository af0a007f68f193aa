package org.groundgame.notification.subscription.domain;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import org.groundgame.support.domain.IllegalStateChangeException;

/**
 * Where a chapter's integration receives events, the secret its deliveries are signed
 * with (Standard Webhooks: {@code whsec_} and the base64 of the key's bytes), and how the
 * endpoint has been faring.
 *
 * @param url an absolute http(s) URL, checked by {@link WebhookAddresses}
 * @param secret the signing secret, shown to the chapter once, when it is made
 * @param retiredSecrets secrets replaced by a rotation, each still signing beside the
 * current one until its own overlap ends, so that the chapter can switch over without
 * losing a message (however often it rotates within that time)
 * @param disabledAt when deliveries to it stopped (it answered {@code 410 Gone}, or
 * failed for days), or {@code null} while it is enabled
 * @param disabledReason why it was disabled
 * @param failingSince the first failure since the last success, or {@code null}
 */
public record Webhook(String url, String secret, List<RetiredSecret> retiredSecrets, Instant disabledAt,
		String disabledReason, Instant failingSince) {

	/** A secret replaced by a rotation, signing until {@code signsUntil}. */
	public record RetiredSecret(String secret, Instant signsUntil) {

		public RetiredSecret {
			Objects.requireNonNull(secret, "secret");
			Objects.requireNonNull(signsUntil, "signsUntil");
		}

		boolean signsAt(Instant now) {
			return now.isBefore(this.signsUntil);
		}

		@Override
		public String toString() {
			return "RetiredSecret[signsUntil=" + this.signsUntil + "]";
		}

	}

	/**
	 * How many replaced secrets may sign at once: rotating more often than that within
	 * one overlap is refused, rather than silently dropping a secret still promised.
	 */
	static final int MAX_RETIRED = 4;

	static final String SECRET_PREFIX = "whsec_";

	/** 32 bytes: Standard Webhooks asks for 24 to 64. */
	static final int SECRET_BYTES = 32;

	public Webhook {
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(secret, "secret");
		retiredSecrets = (retiredSecrets != null) ? List.copyOf(retiredSecrets) : List.of();
	}

	public Webhook(String url, String secret) {
		this(url, secret, List.of(), null, null, null);
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
	 * A new secret; the current one keeps signing beside it for {@code overlap} (as do
	 * those replaced earlier, until their own overlap ends), so the chapter's integration
	 * may switch whenever it likes within that time.
	 * @throws IllegalStateChangeException when {@value #MAX_RETIRED} replaced secrets
	 * still sign
	 */
	public Webhook rotated(SecureRandom random, Instant now, Duration overlap) {
		List<RetiredSecret> stillSigning = new ArrayList<>(
				this.retiredSecrets.stream().filter((retired) -> retired.signsAt(now)).toList());
		if (stillSigning.size() >= MAX_RETIRED) {
			throw new IllegalStateChangeException("The webhook's secret was rotated " + MAX_RETIRED
					+ " times within the overlap; wait until " + stillSigning.get(0).signsUntil(), "ROTATING");
		}
		stillSigning.add(new RetiredSecret(this.secret, now.plus(overlap)));
		return new Webhook(this.url, newSecret(random), stillSigning, this.disabledAt, this.disabledReason,
				this.failingSince);
	}

	/**
	 * The secrets that sign a message sent at a time: the current first, then the newest
	 * replaced.
	 */
	public List<String> secretsAt(Instant now) {
		List<String> secrets = new ArrayList<>();
		secrets.add(this.secret);
		for (int i = this.retiredSecrets.size() - 1; i >= 0; i--) {
			if (this.retiredSecrets.get(i).signsAt(now)) {
				secrets.add(this.retiredSecrets.get(i).secret());
			}
		}
		return secrets;
	}

	/** Until when the last replaced secret signs, or {@code null}. */
	public Instant previousSecretExpiresAt() {
		return this.retiredSecrets.isEmpty() ? null
				: this.retiredSecrets.get(this.retiredSecrets.size() - 1).signsUntil();
	}

	public boolean enabled() {
		return this.disabledAt == null;
	}

	/** Enabled again by the chapter, with a clean record. */
	public Webhook reenabled() {
		return new Webhook(this.url, this.secret, this.retiredSecrets, null, null, null);
	}

	public Webhook disabled(Instant at, String reason) {
		return new Webhook(this.url, this.secret, this.retiredSecrets, at, reason, this.failingSince);
	}

	/**
	 * The endpoint after a failed attempt: failing since the first failure after a
	 * success, and disabled once that was longer ago than {@code disableAfter}.
	 */
	public Webhook failed(Instant at, Duration disableAfter) {
		Instant since = (this.failingSince != null) ? this.failingSince : at;
		Webhook failing = new Webhook(this.url, this.secret, this.retiredSecrets, this.disabledAt, this.disabledReason,
				since);
		if (failing.enabled() && !at.isBefore(since.plus(disableAfter))) {
			return failing.disabled(at, "failing since " + since + " without a success");
		}
		return failing;
	}

	public Webhook succeeded() {
		return (this.failingSince == null) ? this
				: new Webhook(this.url, this.secret, this.retiredSecrets, this.disabledAt, this.disabledReason, null);
	}

	@Override
	public String toString() {
		return "Webhook[url=" + this.url + ", enabled=" + enabled() + "]";
	}

}
