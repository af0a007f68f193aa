package org.groundgame.notification.preference;

import org.groundgame.notification.preference.domain.EmailTopic;
import org.groundgame.support.domain.CapabilityTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OneClickUnsubscribeTests {

	private final String personToken = CapabilityTokens.newToken();

	@Test
	void aTokenReadsBackAsItsPreferencesAndTopicAndIsSignedWithThePersonsToken() {
		String token = OneClickUnsubscribe.from("prefs-0123456789", EmailTopic.SHIFTS).token(this.personToken);

		OneClickUnsubscribe.Claim claim = OneClickUnsubscribe.read(token).orElseThrow();

		assertThat(token).startsWith("prefs-0123456789.SHIFTS.");
		assertThat(claim.unsubscribe()).isEqualTo(new OneClickUnsubscribe("prefs-0123456789", EmailTopic.SHIFTS));
		assertThat(claim.isSignedWith(this.personToken)).isTrue();
		assertThat(claim.isSignedWith(CapabilityTokens.newToken())).isFalse();
	}

	@Test
	void aTransactionalMessagesTokenStopsEmailAltogether() {
		String token = OneClickUnsubscribe.from("prefs-0123456789", EmailTopic.TRANSACTIONAL).token(this.personToken);

		assertThat(token).contains(".ALL.");
		assertThat(OneClickUnsubscribe.read(token).orElseThrow().unsubscribe().topic()).isNull();
	}

	@Test
	void anAlteredTopicIdOrSignatureIsNotSignedWithThePersonsToken() {
		String token = OneClickUnsubscribe.from("prefs-0123456789", EmailTopic.NEWS).token(this.personToken);
		String[] parts = token.split("\\.");
		char last = parts[2].charAt(parts[2].length() - 1);

		for (String altered : new String[] { parts[0] + ".SHIFTS." + parts[2], parts[0] + ".ALL." + parts[2],
				"prefs-9876543210." + parts[1] + "." + parts[2],
				parts[0] + "." + parts[1] + "." + parts[2].substring(0, 42) + ((last == 'A') ? 'B' : 'A') }) {
			assertThat(OneClickUnsubscribe.read(altered).orElseThrow().isSignedWith(this.personToken)).as(altered)
				.isFalse();
		}
	}

	@Test
	void somethingNotOfTheFormIsNoTokenAtAll() {
		String token = OneClickUnsubscribe.from("prefs-0123456789", EmailTopic.NEWS).token(this.personToken);

		for (String malformed : new String[] { null, "", "prefs-0123456789", token + ".x",
				token.replace(".NEWS.", ".TRANSACTIONAL."), token.replace(".NEWS.", ".news."),
				token.replace(".NEWS.", ".UNKNOWN."), "a\u0000b.NEWS." + token.split("\\.")[2] }) {
			assertThat(OneClickUnsubscribe.read(malformed)).as(String.valueOf(malformed)).isEmpty();
		}
	}

	@Test
	void transactionalMessagesAreNoTopicToLeave() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OneClickUnsubscribe("prefs-0123456789", EmailTopic.TRANSACTIONAL));
	}

}
