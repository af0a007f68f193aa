package org.groundgame.identity.person;

import org.groundgame.support.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTests {

	private static final CommonPasswords COMMON = new CommonPasswords();

	private final PasswordPolicy policy = new PasswordPolicy(COMMON);

	@Test
	void theBundledListHoldsTheMostCommonPasswordsWhateverTheirCase() {
		assertThat(COMMON.size()).isGreaterThan(50_000);
		assertThat(COMMON.check("password").isCompromised()).isTrue();
		assertThat(COMMON.check("PassWord").isCompromised()).isTrue();
		assertThat(COMMON.check("1qaz2wsx3edc4rfv").isCompromised()).isTrue();
		assertThat(COMMON.check("correct horse battery staple").isCompromised()).isFalse();
	}

	@Test
	void aPasswordIsTwelveCharactersOrMoreNotCommonAndNotTheUsername() {
		assertThatNoException().isThrownBy(() -> this.policy.check("correct horse battery staple", null, "a@b.org"));
		assertRefused("eleven char", "password", "at least 12");
		assertRefused("qwertyuiop123", "password", "most common");
		assertRefused("dana@example.org", "password", "e-mail address");
		assertRefused("é".repeat(37), "password", "at most 72 bytes");
		assertThatThrownBy(() -> this.policy.check("correct horse battery staple", "correct horse", "a@b.org"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors().get(0).field()).isEqualTo("confirmation"));
	}

	private void assertRefused(String password, String field, String reason) {
		assertThatThrownBy(() -> this.policy.check(password, password, "dana@example.org"))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> {
				assertThat(ex.errors().get(0).field()).isEqualTo(field);
				assertThat(ex.errors().get(0).message()).contains(reason);
			});
	}

}
