package org.groundgame.support.secrets;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KeyEncryptionTests {

	private static final String OLD = newKey();

	private static final String NEW = newKey();

	@Test
	void aSealedSecretOpensWithTheKeyAndShowsNothingOfTheSecret() {
		KeyEncryption encryption = KeyEncryption.of(new KeyEncryptionProperties(OLD, null));

		String sealed = encryption.seal("whsec_c2VjcmV0");

		assertThat(sealed).startsWith("{kek:" + encryption.currentKeyId() + "}").doesNotContain("c2VjcmV0");
		assertThat(encryption.open(sealed)).isEqualTo("whsec_c2VjcmV0");
		assertThat(encryption.isCurrent(sealed)).isTrue();
	}

	@Test
	void theSameSecretSealsDifferentlyEachTime() {
		KeyEncryption encryption = KeyEncryption.of(new KeyEncryptionProperties(OLD, null));

		assertThat(encryption.seal("same")).isNotEqualTo(encryption.seal("same"));
	}

	@Test
	void aTamperedValueDoesNotOpen() {
		KeyEncryption encryption = KeyEncryption.of(new KeyEncryptionProperties(OLD, null));
		String sealed = encryption.seal("secret");
		int end = sealed.indexOf('}') + 1;
		byte[] bytes = Base64.getDecoder().decode(sealed.substring(end));
		bytes[bytes.length - 1] ^= 1;

		String tampered = sealed.substring(0, end) + Base64.getEncoder().encodeToString(bytes);

		assertThatIllegalStateException().isThrownBy(() -> encryption.open(tampered)).withMessageContaining("open");
	}

	@Test
	void afterARotationOldValuesStillOpenAndAreNoLongerCurrent() {
		String sealedBefore = KeyEncryption.of(new KeyEncryptionProperties(OLD, null)).seal("secret");

		KeyEncryption rotated = KeyEncryption.of(new KeyEncryptionProperties(NEW, List.of(OLD)));

		assertThat(rotated.open(sealedBefore)).isEqualTo("secret");
		assertThat(rotated.isCurrent(sealedBefore)).isFalse();
		assertThat(rotated.isCurrent(rotated.seal("secret"))).isTrue();
	}

	@Test
	void aValueSealedWithAKeyNoLongerConfiguredDoesNotOpenAndSaysWhy() {
		String sealed = KeyEncryption.of(new KeyEncryptionProperties(OLD, null)).seal("secret");

		KeyEncryption other = KeyEncryption.of(new KeyEncryptionProperties(NEW, null));

		assertThatIllegalStateException().isThrownBy(() -> other.open(sealed))
			.withMessageContaining("groundgame.secrets.previous-keks");
	}

	@Test
	void plainTextFromBeforeEncryptionIsReadAsItIsAndIsNotCurrent() {
		KeyEncryption encryption = KeyEncryption.of(new KeyEncryptionProperties(OLD, null));

		assertThat(encryption.open("whsec_plain")).isEqualTo("whsec_plain");
		assertThat(encryption.isCurrent("whsec_plain")).isFalse();
		assertThat(KeyEncryption.isSealed("whsec_plain")).isFalse();
	}

	@Test
	void aMissingOrMalformedKeyStopsTheServiceWithAMessageSayingHowToMakeOne() {
		assertThatIllegalStateException().isThrownBy(() -> KeyEncryption.of(new KeyEncryptionProperties(null, null)))
			.withMessageContaining("openssl rand -base64 32");
		assertThatIllegalStateException()
			.isThrownBy(() -> KeyEncryption.of(new KeyEncryptionProperties("c2hvcnQ=", null)))
			.withMessageContaining("32 bytes");
		assertThatIllegalStateException()
			.isThrownBy(() -> KeyEncryption.of(new KeyEncryptionProperties("not base64!", null)))
			.withMessageContaining("not Base64");
	}

	@Test
	void theKeyIdSaysNothingOfTheKey() {
		KeyEncryption encryption = KeyEncryption.of(new KeyEncryptionProperties(OLD, null));

		assertThat(encryption.currentKeyId()).hasSize(16).doesNotContain(OLD);
		assertThat(encryption.toString()).doesNotContain(OLD);
	}

	private static String newKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
