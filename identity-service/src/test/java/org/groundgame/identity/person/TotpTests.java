package org.groundgame.identity.person;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	/** RFC 6238's test secret, "12345678901234567890" in ASCII, in Base32. */
	private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

	@Test
	void codesAreRfc6238sWithSixDigits() {
		// RFC 6238, appendix B: 94287082 at T = 59 s, 07081804 at 1111111109 s (SHA-1).
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
		assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
	}

	@Test
	void aCodeIsAcceptedOneStepEitherSideAndNoFurther() {
		Instant now = Instant.ofEpochSecond(1_800_000_000L);
		long step = now.getEpochSecond() / 30;

		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now), now)).hasValue(step);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now.minusSeconds(30)), now)).hasValue(step - 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now.plusSeconds(30)), now)).hasValue(step + 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now.minusSeconds(60)), now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now.plusSeconds(60)), now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, "12345", now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, "abcdef", now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, null, now)).isEmpty();
	}

	@Test
	void newSecretsAreTwentyRandomBytesInBase32AndTheUriNamesThem() {
		String secret = Totp.newSecret();

		assertThat(secret).matches("[A-Z2-7]{32}").isNotEqualTo(Totp.newSecret());
		assertThat(Totp.isSecret(secret)).isTrue();
		assertThat(Totp.isSecret("SHORT")).isFalse();
		assertThat(Totp.uri("Ground Game", "dana@example.org", secret))
			.isEqualTo("otpauth://totp/Ground%20Game:dana%40example.org?secret=" + secret
					+ "&issuer=Ground%20Game&algorithm=SHA1&digits=6&period=30");
	}

}
