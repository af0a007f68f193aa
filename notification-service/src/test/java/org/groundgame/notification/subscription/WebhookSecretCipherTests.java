package org.groundgame.notification.subscription;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.groundgame.support.secrets.KeyEncryption;
import org.groundgame.support.secrets.KeyEncryptionProperties;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.encrypt.Encryptors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookSecretCipherTests {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final WebhookProperties.Encryption LEGACY = new WebhookProperties.Encryption(
			"a deployment's password", "5c0744940b5c369b");

	private static final String KEK = newKey();

	private final WebhookSecretCipher cipher = WebhookSecretCipher.of(keys(KEK), LEGACY);

	@Test
	void aSecretIsStoredSealedWithTheKeyEncryptionKeyAndReadBack() {
		String sealed = this.cipher.seal(SECRET);
		assertThat(sealed).startsWith("{kek:").doesNotContain(SECRET).doesNotContain("MfKQ9r8G");
		assertThat(this.cipher.seal(SECRET)).as("a fresh nonce every time").isNotEqualTo(sealed);
		assertThat(this.cipher.open(sealed)).isEqualTo(SECRET);
		assertThat(this.cipher.isCurrent(sealed)).isTrue();
	}

	@Test
	void anotherKeyCannotOpenIt() {
		String sealed = this.cipher.seal(SECRET);
		WebhookSecretCipher other = WebhookSecretCipher.of(keys(newKey()), null);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> other.open(sealed));
	}

	@Test
	void whatWasStoredBeforeIsReadAndNeedsSealingAgain() {
		String legacy = WebhookSecretCipher.LEGACY_PREFIX
				+ Encryptors.delux(LEGACY.password(), LEGACY.salt()).encrypt(SECRET);
		String previous = WebhookSecretCipher.of(keys(newKey()), null).seal(SECRET);

		assertThat(this.cipher.open(SECRET)).isEqualTo(SECRET);
		assertThat(this.cipher.isCurrent(SECRET)).isFalse();
		assertThat(this.cipher.open(legacy)).isEqualTo(SECRET);
		assertThat(this.cipher.isCurrent(legacy)).isFalse();
		assertThat(this.cipher.open(null)).isNull();
		assertThat(this.cipher.isCurrent(null)).isTrue();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.cipher.open(previous))
			.withMessageContaining("previous-keks");
	}

	@Test
	void aLegacySecretWithoutTheLegacyPasswordSaysWhatToSet() {
		String legacy = WebhookSecretCipher.LEGACY_PREFIX
				+ Encryptors.delux(LEGACY.password(), LEGACY.salt()).encrypt(SECRET);
		WebhookSecretCipher kekOnly = WebhookSecretCipher.of(keys(KEK), null);

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> kekOnly.open(legacy))
			.withMessageContaining("encryption.password");
	}

	@Test
	void aLegacySaltMustBeEightBytesOfHex() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebhookSecretCipher.of(keys(KEK), new WebhookProperties.Encryption("password", "5c07")));
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecretCipher.of(keys(KEK),
				new WebhookProperties.Encryption("password", "not hex at all!!")));
	}

	static KeyEncryption keys(String current, String... previous) {
		return KeyEncryption.of(new KeyEncryptionProperties(current, List.of(previous)));
	}

	static String newKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
