package org.groundgame.notification.subscription;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of chapters' webhooks.
 *
 * @param allowLoopback whether a webhook may point at this machine ({@code localhost},
 * {@code 127.0.0.0/8}, {@code ::1}), for trying webhooks out locally; never in
 * production. Private, link-local and unspecified addresses are refused regardless.
 * @param disableAfter how long an endpoint may fail without a single success before it is
 * disabled (Svix: five days)
 * @param secretOverlap how long the old secret keeps signing beside the new one after a
 * rotation
 * @param encryption the earlier scheme's password and salt, needed only to read secrets
 * it sealed until the re-encryption run has sealed them with the key-encryption key
 * ({@code groundgame.secrets.kek}, which seals every secret now)
 */
@ConfigurationProperties("groundgame.notification.webhooks")
record WebhookProperties(boolean allowLoopback, @DefaultValue("5d") Duration disableAfter,
		@DefaultValue("24h") Duration secretOverlap, Encryption encryption) {

	/**
	 * The earlier scheme (a key derived from a password), read but never written.
	 *
	 * @param password the deployment's secret the key was derived from
	 * @param salt at least 8 random bytes, as hex
	 */
	record Encryption(String password, String salt) {

		@Override
		public String toString() {
			return "Encryption[password=" + ((this.password != null) ? "(set)" : "(none)") + "]";
		}

	}

}
