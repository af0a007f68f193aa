package org.groundgame.web.site;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PrivateKeysTests {

	@ParameterizedTest
	@ValueSource(strings = { "q2V7m1bO5u9V0V1qT2_3-abcdefghijklmnopqrstu", "0123456789abcdef" })
	void tokensOfThePlatformsFormAreUsed(String token) {
		assertThat(PrivateKeys.wellFormed(token)).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "short", "has space in it 0123456789", "semi;colon0123456789", "quote\"0123456789abc",
			"new\nline0123456789abc", "slash/0123456789abcdef" })
	void anythingElseIsRefusedBeforeItReachesAServiceOrACookie(String token) {
		assertThat(PrivateKeys.wellFormed(token)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(ints = { 513, 4096 })
	void overlongTokensAreRefused(int length) {
		assertThat(PrivateKeys.wellFormed("a".repeat(length))).isFalse();
	}

}
