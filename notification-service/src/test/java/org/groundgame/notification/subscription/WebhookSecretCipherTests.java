package org.groundgame.notification.subscription;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookSecretCipherTests {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private final WebhookSecretCipher cipher = WebhookSecretCipher
		.of(new WebhookProperties.Encryption("a deployment's password", "5c0744940b5c369b"));

	@Test
	void aSecretIsStoredEncryptedAndReadBack() {
		String sealed = this.cipher.seal(SECRET);
		assertThat(sealed).startsWith(WebhookSecretCipher.PREFIX).doesNotContain(SECRET).doesNotContain("MfKQ9r8G");
		assertThat(this.cipher.seal(SECRET)).as("a fresh IV every time").isNotEqualTo(sealed);
		assertThat(this.cipher.open(sealed)).isEqualTo(SECRET);
	}

	@Test
	void anotherPasswordCannotOpenIt() {
		String sealed = this.cipher.seal(SECRET);
		WebhookSecretCipher other = WebhookSecretCipher
			.of(new WebhookProperties.Encryption("another password", "5c0744940b5c369b"));
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> other.open(sealed));
	}

	@Test
	void aSecretStoredBeforeEncryptionIsReadAsItIs() {
		assertThat(this.cipher.open(SECRET)).isEqualTo(SECRET);
		assertThat(this.cipher.open(null)).isNull();
	}

	@Test
	void withoutAPasswordSecretsStayAsTheyAreButEncryptedOnesCannotBeRead() {
		WebhookSecretCipher none = WebhookSecretCipher.of(null);
		assertThat(none.encrypts()).isFalse();
		assertThat(none.seal(SECRET)).isEqualTo(SECRET);
		String sealed = this.cipher.seal(SECRET);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> none.open(sealed))
			.withMessageContaining("encryption.password");
	}

	@Test
	void aSaltMustBeEightBytesOfHex() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebhookSecretCipher.of(new WebhookProperties.Encryption("password", "5c07")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebhookSecretCipher.of(new WebhookProperties.Encryption("password", "not hex at all!!")));
	}

}
