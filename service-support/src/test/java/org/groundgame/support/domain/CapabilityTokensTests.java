package org.groundgame.support.domain;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CapabilityTokensTests {

	@Test
	void aTokenIsThirtyTwoRandomBytesInBase64Url() {
		Set<String> tokens = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			String token = CapabilityTokens.newToken();
			assertThat(token).matches("[A-Za-z0-9_-]{43}");
			assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
			tokens.add(token);
		}
		assertThat(tokens).hasSize(100);
	}

	@Test
	void theStoredHashIsTheTokensSha256InHex() {
		// printf abc | sha256sum
		assertThat(CapabilityTokens.hash("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void onlyTheTokenWhoseHashIsStoredMatches() {
		String token = CapabilityTokens.newToken();
		String stored = CapabilityTokens.hash(token);

		assertThat(CapabilityTokens.matches(token, stored)).isTrue();
		assertThat(CapabilityTokens.matches(" " + token + "\n", stored)).isTrue();
		assertThat(CapabilityTokens.matches(CapabilityTokens.newToken(), stored)).isFalse();
		assertThat(CapabilityTokens.matches(stored, stored)).isFalse();
		assertThat(CapabilityTokens.matches(null, stored)).isFalse();
		assertThat(CapabilityTokens.matches(" ", stored)).isFalse();
		assertThat(CapabilityTokens.matches(token, null)).isFalse();
	}

}
