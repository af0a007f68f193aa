package org.groundgame.support.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class FieldProblemsTests {

	@Test
	void everyFieldAtFaultIsNamedInOneException() {
		FieldProblems problems = new FieldProblems();

		assertThat(problems.required("name", "  ", 10)).isNull();
		assertThat(problems.optional("city", "Kansas City, Missouri", 5)).isEqualTo("Kansas City, Missouri");
		assertThat(problems.httpsUrl("link", "http://example.org")).isEqualTo("http://example.org");
		problems.add("capacity", "must be at least 1");

		assertThat(problems.isEmpty()).isFalse();
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(problems::throwIfAny)
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("name", "city", "link", "capacity"));
	}

	@Test
	void goodInputComesBackStrippedAndNothingIsThrown() {
		FieldProblems problems = new FieldProblems();

		assertThat(problems.required("name", " Mobilize Missouri ", 50)).isEqualTo("Mobilize Missouri");
		assertThat(problems.optional("note", "", 50)).isNull();
		assertThat(problems.httpsUrl("link", " https://meet.example.org/phone-bank "))
			.isEqualTo("https://meet.example.org/phone-bank");
		assertThat(problems.httpsUrl("link", null)).isNull();

		assertThat(problems.isEmpty()).isTrue();
		assertThatNoException().isThrownBy(problems::throwIfAny);
	}

	@Test
	void anAddressWithoutAHostIsNoHttpsUrl() {
		FieldProblems problems = new FieldProblems();

		problems.httpsUrl("link", "https:///no-host");
		problems.httpsUrl("other", "https://exa mple.org");

		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(problems::throwIfAny)
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("link", "other"));
	}

}
