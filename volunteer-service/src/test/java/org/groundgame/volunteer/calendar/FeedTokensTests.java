package org.groundgame.volunteer.calendar;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FeedTokensTests {

	private final FeedTokens tokens = new FeedTokens(
			"a secret of thirty-two bytes!!!!".getBytes(StandardCharsets.UTF_8));

	@Test
	void aTokenIsTheBase64UrlHmacSha256OfTheVolunteerId() {
		// printf v-1 | openssl dgst -sha256 -hmac 'a secret of thirty-two bytes!!!!'
		// -binary, in base64url without padding
		assertThat(this.tokens.tokenFor("v-1")).isEqualTo("sVO7aWPzKa8XhqpDf-qgWCjhWzdwRRQiUcFECY5aAms");
	}

	@Test
	void aTokenOpensItsOwnVolunteersFeedOnly() {
		String token = this.tokens.tokenFor("v-1");

		assertThat(this.tokens.opens("v-1", token)).isTrue();
		assertThat(this.tokens.opens("v-2", token)).isFalse();
		assertThat(this.tokens.opens("v-1", token.substring(1))).isFalse();
		assertThat(this.tokens.opens("v-1", null)).isFalse();
	}

	@Test
	void anotherSecretMakesOtherTokens() {
		FeedTokens other = new FeedTokens("another secret, also long enough".getBytes(StandardCharsets.UTF_8));

		assertThat(other.opens("v-1", this.tokens.tokenFor("v-1"))).isFalse();
	}

	@Test
	void aShortSecretIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FeedTokens(new byte[15]));
	}

}
