package org.groundgame.endorsement.nomination.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UsStateTests {

	@Test
	void theFiftyStatesTheDistrictAndTheFiveInhabitedTerritoriesAreKnown() {
		assertThat(UsState.values()).hasSize(56);
		assertThat(UsState.fromCode("DC")).contains(UsState.DC);
		assertThat(UsState.fromCode("PR")).contains(UsState.PR);
		assertThat(UsState.MO.displayName()).isEqualTo("Missouri");
	}

	@Test
	void codesAreReadInEitherCase() {
		assertThat(UsState.fromCode(" mo ")).contains(UsState.MO);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "XX", "M", "MOO", "FM", "AA", "UK" })
	void otherCodesAreNotStates(String code) {
		assertThat(UsState.fromCode(code)).isEmpty();
	}

	@Test
	void noCodeIsNoState() {
		assertThat(UsState.fromCode(null)).isEmpty();
	}

}
