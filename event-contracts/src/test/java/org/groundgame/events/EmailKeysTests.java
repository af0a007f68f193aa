package org.groundgame.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailKeysTests {

	@Test
	void theSameAddressWrittenDifferentlyHasTheSameKey() {
		assertThat(EmailKeys.of(" Maria.Gonzalez@Example.ORG ")).isEqualTo(EmailKeys.of("maria.gonzalez@example.org"));
	}

	@Test
	void differentAddressesHaveDifferentKeysThatDoNotShowTheAddress() {
		String key = EmailKeys.of("maria@example.org");

		assertThat(key).isNotEqualTo(EmailKeys.of("mario@example.org")).matches("[0-9a-f]{64}").doesNotContain("maria");
	}

	@Test
	void noAddressHasNoKey() {
		assertThat(EmailKeys.of(null)).isNull();
		assertThat(EmailKeys.of("  ")).isNull();
	}

}
