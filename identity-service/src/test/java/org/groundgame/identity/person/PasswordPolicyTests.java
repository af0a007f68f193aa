package org.groundgame.identity.person;

import org.groundgame.identity.person.PasswordRefused.Reason;
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
		assertRefused("eleven char", "password", "at least 12", Reason.TOO_SHORT);
		assertRefused("qwertyuiop123", "password", "most common", Reason.COMMON);
		assertRefused("dana@example.org", "password", "e-mail address", Reason.USERNAME);
		assertRefused("é".repeat(37), "password", "at most 72 bytes", Reason.TOO_LONG);
		assertRefused("", "password", "required", Reason.REQUIRED);
		assertThatThrownBy(() -> this.policy.check("correct horse battery staple", "correct horse", "a@b.org"))
			.isInstanceOfSatisfying(PasswordRefused.class, (ex) -> {
				assertThat(ex.errors().get(0).field()).isEqualTo("confirmation");
				assertThat(ex.reason()).isEqualTo(Reason.MISMATCH);
			});
	}

	@Test
	void aLengthRefusalNamesTheLimitSoThatThePagesCanSayItInAnyLanguage() {
		assertThatThrownBy(() -> this.policy.check("eleven char", null, "a@b.org"))
			.isInstanceOfSatisfying(PasswordRefused.class, (ex) -> assertThat(ex.limit()).isEqualTo(12));
		assertThatThrownBy(() -> this.policy.check("é".repeat(37), null, "a@b.org"))
			.isInstanceOfSatisfying(PasswordRefused.class, (ex) -> assertThat(ex.limit()).isEqualTo(72));
	}

	private void assertRefused(String password, String field, String message, Reason reason) {
		assertThatThrownBy(() -> this.policy.check(password, password, "dana@example.org"))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> {
				assertThat(ex.errors().get(0).field()).isEqualTo(field);
				assertThat(ex.errors().get(0).message()).contains(message);
				assertThat(ex).isInstanceOfSatisfying(PasswordRefused.class,
						(refused) -> assertThat(refused.reason()).isEqualTo(reason));
			});
	}

}
