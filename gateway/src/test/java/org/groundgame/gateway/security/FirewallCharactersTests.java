package org.groundgame.gateway.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The firewall's checks without regular expressions say what Spring Security's own
 * patterns say, for every code point of Unicode, alone and around other characters.
 */
class FirewallCharactersTests {

	/** Spring Security's {@code StrictHttpFirewall} patterns. */
	private static final Pattern ASSIGNED_AND_NOT_ISO_CONTROL = Pattern
		.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Test
	void everyCodePointIsJudgedAsSpringSecuritysPatternsJudgeIt() {
		List<String> different = new ArrayList<>();
		for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
			String value = Character.toString(c);
			if (FirewallCharacters.assignedAndNotControl(value) != ASSIGNED_AND_NOT_ISO_CONTROL.matcher(value).matches()
					|| FirewallCharacters.headerValue(value) != HEADER_VALUE.matcher(value).matches()) {
				different.add(String.format("U+%04X", c));
			}
		}
		assertThat(different).isEmpty();
		// Both patterns do refuse something.
		assertThat(FirewallCharacters.assignedAndNotControl("\t")).isFalse();
		assertThat(FirewallCharacters.headerValue("\t")).isTrue();
		assertThat(FirewallCharacters.headerValue("\u0378")).isFalse();
	}

	@Test
	void wholeValuesAreJudgedAsSpringSecuritysPatternsJudgeThem() {
		for (String value : List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "text/html, application/json;q=0.9",
				"a\tb", "a\u0000b", "line\r\nbreak", "del\u007F", "c1\u0085", "St. Louis", "Zoë 🚀", "\uD83D",
				"x\u0378y", "|", "\u00A0")) {
			assertThat(FirewallCharacters.assignedAndNotControl(value)).as(value)
				.isEqualTo(ASSIGNED_AND_NOT_ISO_CONTROL.matcher(value).matches());
			assertThat(FirewallCharacters.headerValue(value)).as(value)
				.isEqualTo(HEADER_VALUE.matcher(value).matches());
		}
	}

}
