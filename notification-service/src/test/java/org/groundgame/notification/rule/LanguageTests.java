package org.groundgame.notification.rule;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTests {

	@Test
	void spanishAndItsRegionsAreSpanishAndAnythingElseIsEnglish() {
		assertThat(Language.of("es")).isEqualTo(Language.SPANISH);
		assertThat(Language.of(" ES ")).isEqualTo(Language.SPANISH);
		assertThat(Language.of("es-MX")).isEqualTo(Language.SPANISH);
		assertThat(Language.of("en")).isEqualTo(Language.ENGLISH);
		assertThat(Language.of("fr")).isEqualTo(Language.ENGLISH);
		assertThat(Language.of("not a tag!")).isEqualTo(Language.ENGLISH);
		assertThat(Language.of(null)).isEqualTo(Language.ENGLISH);
		assertThat(Language.SPANISH.tag()).isEqualTo("es");
	}

	@Test
	void anEventThatSaysNoLanguageLeavesItToThePeopleProjection() {
		assertThat(Language.told(null)).isNull();
		assertThat(Language.told(" ")).isNull();
		assertThat(Language.told("es")).isEqualTo(Language.SPANISH);
		assertThat(Language.told("en")).isEqualTo(Language.ENGLISH);
	}

}
