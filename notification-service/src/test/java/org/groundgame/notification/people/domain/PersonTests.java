package org.groundgame.notification.people.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonTests {

	@Test
	void personMayBeEmailedOnlyWithConsentAndAnAddress() {
		assertThat(person("ada@example.org", true).mayBeEmailed()).isTrue();
		assertThat(person("ada@example.org", false).mayBeEmailed()).isFalse();
		assertThat(person(null, true).mayBeEmailed()).isFalse();
		assertThat(person(" ", true).mayBeEmailed()).isFalse();
	}

	@Test
	void personsTextNamesNeitherThemNorTheirAddress() {
		assertThat(person("ada@example.org", true)).hasToString(
				"Person[personId=volunteer-1, emailConsent=true, smsConsent=false, chapterId=omaha, language=null]");
		// The language is no personal data: it is told.
		assertThat(new Person("volunteer-1", "Ada Example", "ada@example.org", true, false, "omaha", " es "))
			.hasToString(
					"Person[personId=volunteer-1, emailConsent=true, smsConsent=false, chapterId=omaha, language=es]");
	}

	private static Person person(String email, boolean emailConsent) {
		return new Person("volunteer-1", "Ada Example", email, emailConsent, false, "omaha");
	}

}
