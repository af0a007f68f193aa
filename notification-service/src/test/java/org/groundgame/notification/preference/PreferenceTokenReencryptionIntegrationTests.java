package org.groundgame.notification.preference;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.support.domain.CapabilityTokens;
import org.groundgame.support.secrets.KeyEncryption;
import org.groundgame.support.secrets.KeyEncryptionProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a rotation of the key-encryption key, the re-encryption run seals every
 * preferences token sealed with the previous key with the current one, and the token
 * inside is the same: the links already e-mailed keep working, and the previous key can
 * be retired. Against the real store.
 */
@NotificationServiceIntegrationTest
class PreferenceTokenReencryptionIntegrationTests {

	private static final String PREVIOUS_KEK = "m0XW5pH6i7S3QdNOvo9S3e6GqZ8kq2X9tqf5yC1b0aA=";

	private final MongoTemplate mongo;

	private final PreferenceStore store;

	@Autowired
	PreferenceTokenReencryptionIntegrationTests(MongoTemplate mongo, PreferenceStore store) {
		this.mongo = mongo;
		this.store = store;
	}

	@Test
	void tokensSealedWithThePreviousKeyAreSealedWithTheCurrentOneAndStayTheSame() {
		KeyEncryption previous = KeyEncryption.of(new KeyEncryptionProperties(PREVIOUS_KEK, List.of()));
		KeyEncryption rotated = KeyEncryption
			.of(new KeyEncryptionProperties(NotificationServiceIntegrationTest.KEK, List.of(PREVIOUS_KEK)));
		String token = CapabilityTokens.newToken();
		String id = "prefs-" + UUID.randomUUID();
		this.mongo.insert(new PreferenceDocument(id, "key-" + UUID.randomUUID(), CapabilityTokens.hash(token),
				previous.seal(token), true, Map.of(), List.of("volunteer-" + UUID.randomUUID()), Instant.now(), null));
		PreferenceTokenReencryption run = new PreferenceTokenReencryption(this.store, rotated);

		assertThat(run.reencrypt()).isPositive();

		String sealed = this.mongo.findById(id, PreferenceDocument.class).sealedToken();
		assertThat(rotated.isCurrent(sealed)).isTrue();
		KeyEncryption currentOnly = KeyEncryption
			.of(new KeyEncryptionProperties(NotificationServiceIntegrationTest.KEK, List.of()));
		assertThat(currentOnly.open(sealed)).isEqualTo(token);
		assertThat(run.reencrypt()).as("nothing left to seal again").isZero();
	}

}
