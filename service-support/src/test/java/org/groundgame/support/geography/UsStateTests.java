package org.groundgame.support.geography;

import java.util.Arrays;

import org.groundgame.support.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UsStateTests {

	@Test
	void coversTheFiftyStatesTheDistrictAndTheFiveInhabitedTerritories() {
		assertThat(UsState.values()).hasSize(50 + 1 + 5);
		assertThat(Arrays.stream(UsState.values()).map(UsState::code)).contains("MO", "DC", "PR", "GU", "VI", "AS",
				"MP");
	}

	@Test
	void readsACodeWhateverItsCaseAndSurroundingBlanks() {
		assertThat(UsState.fromCode(" mo ")).contains(UsState.MO);
		assertThat(UsState.MO.displayName()).isEqualTo("Missouri");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "XX", "M", "MOO", "AA", "AE", "AP", "UK" })
	void knowsNoStateByAnythingElse(String code) {
		assertThat(UsState.fromCode(code)).isEmpty();
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> UsState.of("state", code))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.field()).isEqualTo("state")));
	}

	@Test
	void knowsNoStateWithoutACode() {
		assertThat(UsState.fromCode(null)).isEmpty();
	}

	@Test
	void theConstraintAcceptsStatesAndLeavesMissingCodesToNotBlank() {
		UsStateCode.Validator validator = new UsStateCode.Validator();
		assertThat(validator.isValid("ks", null)).isTrue();
		assertThat(validator.isValid(null, null)).isTrue();
		assertThat(validator.isValid(" ", null)).isTrue();
		assertThat(validator.isValid("ZZ", null)).isFalse();
	}

}
