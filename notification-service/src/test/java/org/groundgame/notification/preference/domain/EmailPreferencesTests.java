package org.groundgame.notification.preference.domain;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmailPreferencesTests {

	@Test
	void someoneWhoNeverChoseGetsEveryTopic() {
		for (EmailTopic topic : EmailTopic.values()) {
			assertThat(EmailPreferences.DEFAULT.allows(topic)).as(topic.name()).isTrue();
		}
	}

	@Test
	void aTopicLeftIsHeldBackAndTheOthersAreNot() {
		EmailPreferences preferences = new EmailPreferences(true, Set.of(EmailTopic.SHIFTS));

		assertThat(preferences.allows(EmailTopic.SHIFTS)).isFalse();
		assertThat(preferences.allows(EmailTopic.NEWS)).isTrue();
		assertThat(preferences.allows(EmailTopic.TRAINING)).isTrue();
		assertThat(preferences.allows(EmailTopic.TRANSACTIONAL)).isTrue();
	}

	@Test
	void emailOffHoldsBackEveryTopicButTransactionalMessages() {
		EmailPreferences preferences = new EmailPreferences(false, Set.of());

		assertThat(EmailTopic.choosable()).allSatisfy((topic) -> assertThat(preferences.allows(topic)).isFalse());
		assertThat(preferences.allows(EmailTopic.TRANSACTIONAL)).isTrue();
		assertThat(preferences.subscribedTo(EmailTopic.SHIFTS)).as("the topic's own choice stays").isTrue();
	}

	@Test
	void transactionalMessagesAreNoTopicToLeave() {
		assertThat(EmailTopic.choosable()).containsExactly(EmailTopic.SHIFTS, EmailTopic.NEWS, EmailTopic.TRAINING);
		assertThat(EmailTopic.choosable("TRANSACTIONAL")).isEmpty();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EmailPreferences(true, Set.of(EmailTopic.TRANSACTIONAL)));
	}

	@Test
	void anAddressIsKeyedWhateverItsCaseAndBlanksAndTheKeyIsNotTheAddress() {
		String key = EmailAddresses.keyOf("ada@example.org");

		assertThat(EmailAddresses.keyOf("  Ada@Example.ORG ")).isEqualTo(key);
		assertThat(EmailAddresses.keyOf("ada2@example.org")).isNotEqualTo(key);
		assertThat(key).hasSize(64).doesNotContain("ada").doesNotContain("example");
	}

}
