package org.groundgame.notification.subscription;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.encrypt.Encryptors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook secrets at rest: whatever was stored before (plain text, the earlier
 * password-derived scheme, a previous key-encryption key) is sealed with the current
 * key-encryption key by the re-encryption run, which runs at every start, and still signs
 * as the same secret.
 */
@NotificationServiceIntegrationTest
class WebhookSecretReencryptionIntegrationTests {

	private static final String PLAIN = "whsec_cGxhaW4tdGV4dC1zZWNyZXQtc3RvcmVkLWJlZm9yZQ";

	private static final String RETIRED = "whsec_cmV0aXJlZC1zZWNyZXQtc3RpbGwtc2lnbmluZw";

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private WebhookSecretCipher cipher;

	@Autowired
	private WebhookSecretReencryption reencryption;

	@Autowired
	private SubscriptionStore subscriptions;

	@Test
	void secretsStoredBeforeTheKeyEncryptionKeyAreSealedWithItAndStillOpen() {
		String legacy = WebhookSecretCipher.LEGACY_PREFIX + Encryptors
			.delux(NotificationServiceIntegrationTest.LEGACY_PASSWORD, NotificationServiceIntegrationTest.LEGACY_SALT)
			.encrypt(RETIRED);
		String chapterId = "chapter-reencrypt-" + System.nanoTime();
		storeSubscription(chapterId, PLAIN, legacy);

		assertThat(this.reencryption.reencrypt()).isGreaterThanOrEqualTo(1);

		Document stored = stored(chapterId);
		assertThat(stored.getString("webhookSecret")).startsWith("{kek:").doesNotContain(PLAIN.substring(6));
		assertThat(stored.getList("webhookRetiredSecrets", Document.class)).singleElement()
			.satisfies((retired) -> assertThat(retired.getString("secret")).startsWith("{kek:")
				.doesNotContain(RETIRED.substring(6)));
		assertThat(this.cipher.isCurrent(stored.getString("webhookSecret"))).isTrue();
		var webhook = this.subscriptions.find(chapterId).orElseThrow().webhook();
		assertThat(webhook.secret()).isEqualTo(PLAIN);
		assertThat(webhook.retiredSecrets()).singleElement()
			.satisfies((retired) -> assertThat(retired.secret()).isEqualTo(RETIRED));
		assertThat(this.reencryption.reencrypt()).as("nothing left to do").isZero();
	}

	@Test
	void aRotationOfTheKeyEncryptionKeyMovesEverySecretToTheNewOne() {
		String chapterId = "chapter-rotate-" + System.nanoTime();
		storeSubscription(chapterId, this.cipher.seal(PLAIN), null);
		String newKek = WebhookSecretCipherTests.newKey();
		WebhookSecretCipher rotated = WebhookSecretCipher
			.of(WebhookSecretCipherTests.keys(newKek, NotificationServiceIntegrationTest.KEK), null);
		try {
			assertThat(new WebhookSecretReencryption(this.subscriptions, rotated).reencrypt())
				.isGreaterThanOrEqualTo(1);

			String stored = stored(chapterId).getString("webhookSecret");
			assertThat(rotated.isCurrent(stored)).isTrue();
			assertThat(this.cipher.isCurrent(stored)).isFalse();
			assertThat(rotated.open(stored)).isEqualTo(PLAIN);
		}
		finally {
			// Back to the context's key, for the other tests.
			WebhookSecretCipher back = WebhookSecretCipher
				.of(WebhookSecretCipherTests.keys(NotificationServiceIntegrationTest.KEK, newKek), null);
			new WebhookSecretReencryption(this.subscriptions, back).reencrypt();
		}
		assertThat(this.subscriptions.find(chapterId).orElseThrow().webhook().secret()).isEqualTo(PLAIN);
	}

	private void storeSubscription(String chapterId, String secret, String retired) {
		Document subscription = new Document("_id", chapterId).append("topics", List.of("ENDORSEMENTS"))
			.append("states", List.of("MO"))
			.append("webhookUrl", "https://crm.example.org/hooks/groundgame")
			.append("webhookSecret", secret)
			.append("inbox", true)
			.append("updatedAt", java.util.Date.from(Instant.parse("2026-01-01T00:00:00Z")));
		if (retired != null) {
			subscription.append("webhookRetiredSecrets", List.of(new Document("secret", retired).append("signsUntil",
					java.util.Date.from(Instant.parse("2026-01-02T00:00:00Z")))));
		}
		this.mongo.getCollection("subscriptions").insertOne(subscription);
	}

	private Document stored(String chapterId) {
		return this.mongo.getCollection("subscriptions").find(new Document("_id", chapterId)).first();
	}

}
