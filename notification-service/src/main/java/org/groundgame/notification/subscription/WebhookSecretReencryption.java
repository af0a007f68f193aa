package org.groundgame.notification.subscription;

import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The re-encryption run, at every start: every webhook secret (the current one and those
 * still signing after a rotation) that is not sealed with the current key-encryption key
 * is sealed with it — secrets stored in plain text, sealed by the earlier scheme, or
 * sealed with a previous key-encryption key after a rotation of
 * {@code groundgame.secrets.kek}. A subscription is rewritten only if its secrets are
 * still what was read, so instances starting together, or a chapter changing its
 * subscription meanwhile, are never undone.
 */
@Component
class WebhookSecretReencryption implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(WebhookSecretReencryption.class);

	private final SubscriptionStore store;

	private final WebhookSecretCipher cipher;

	WebhookSecretReencryption(SubscriptionStore store, WebhookSecretCipher cipher) {
		this.store = store;
		this.cipher = cipher;
	}

	@Override
	public void run(ApplicationArguments args) {
		int sealed = reencrypt();
		if (sealed > 0) {
			log.info("Webhook secrets of {} subscription(s) sealed with the current key-encryption key", sealed);
		}
	}

	/**
	 * @return how many subscriptions had secrets sealed again
	 */
	int reencrypt() {
		int sealed = 0;
		for (SubscriptionDocument document : this.store.withWebhookSecrets()) {
			List<SubscriptionDocument.RetiredSecretDocument> retired = Objects
				.requireNonNullElse(document.webhookRetiredSecrets(), List.of());
			if (this.cipher.isCurrent(document.webhookSecret())
					&& retired.stream().allMatch((secret) -> this.cipher.isCurrent(secret.secret()))) {
				continue;
			}
			List<SubscriptionDocument.RetiredSecretDocument> resealed = retired.stream()
				.map((secret) -> new SubscriptionDocument.RetiredSecretDocument(reseal(secret.secret()),
						secret.signsUntil()))
				.toList();
			if (this.store.resealWebhookSecrets(document, reseal(document.webhookSecret()),
					(document.webhookRetiredSecrets() != null) ? resealed : null)) {
				sealed++;
			}
		}
		return sealed;
	}

	private String reseal(String stored) {
		return this.cipher.isCurrent(stored) ? stored : this.cipher.seal(this.cipher.open(stored));
	}

}
