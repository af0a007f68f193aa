package org.groundgame.notification.subscription.domain;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.domain.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SubscriptionTests {

	private static final WebhookAddresses ADDRESSES = new WebhookAddresses(false);

	private final SecureRandom random = new SecureRandom();

	private final Subscription defaults = Subscription.defaultsFor("columbia", " info@columbia.example ");

	@Test
	void newChapterHearsOfEverythingInItsInboxAndAtItsContactAddress() {
		assertThat(this.defaults.topics()).containsExactly(Topic.values());
		assertThat(this.defaults.states()).isEmpty();
		assertThat(this.defaults.email()).isEqualTo("info@columbia.example");
		assertThat(this.defaults.webhook()).isNull();
		assertThat(this.defaults.inbox()).isTrue();
		assertThat(Subscription.defaultsFor("columbia", null).email()).isNull();
	}

	@Test
	void changeReplacesTheSubscriptionWhole() {
		Subscription changed = this.defaults.change(new SubscriptionChange(List.of("endorsements", " OUTCOMES"),
				List.of("ks", "MO", "KS"), "organizers@columbia.example", null, false, false), ADDRESSES, this.random);

		assertThat(changed.chapterId()).isEqualTo("columbia");
		assertThat(changed.topics()).containsExactly(Topic.ENDORSEMENTS, Topic.OUTCOMES);
		assertThat(changed.states()).containsExactly("KS", "MO");
		assertThat(changed.email()).isEqualTo("organizers@columbia.example");
		assertThat(changed.webhook()).isNull();
		assertThat(changed.inbox()).isFalse();
	}

	@Test
	void noTopicsAndNoAddressMeanHearingOfNothingByEmail() {
		Subscription changed = this.defaults.change(new SubscriptionChange(List.of(), null, " ", null, false, true),
				ADDRESSES, this.random);
		assertThat(changed.topics()).isEmpty();
		assertThat(changed.states()).isEmpty();
		assertThat(changed.email()).isNull();
	}

	@Test
	void everyFieldAtFaultIsNamedAtOnce() {
		SubscriptionChange change = new SubscriptionChange(List.of("ENDORSEMENTS", "OUTCOMES", "GOSSIP"),
				List.of("MO", "XX"), "not an address", "ftp://hooks.example.org/in", true, null);

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.defaults.change(change, ADDRESSES, this.random))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field)
				.containsExactly("topics[2]", "states[1]", "email", "webhook.url", "inbox"));
	}

	@Test
	void topicsAndAWebhookWithoutUrlMustBeGiven() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.defaults.change(new SubscriptionChange(null, null, null, " ", true, true), ADDRESSES,
					this.random))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field)
				.containsExactly("topics", "webhook.url"));
	}

	@Test
	void emailAddressesAreCheckedLoosely() {
		for (String invalid : List.of("columbia", "a@b", "a b@columbia.example", "a@@columbia.example",
				"@columbia.example", "a@columbia..example", "a@" + "x".repeat(250) + ".org")) {
			assertThatExceptionOfType(InvalidInputException.class).as(invalid)
				.isThrownBy(() -> this.defaults.change(withEmail(invalid), ADDRESSES, this.random));
		}
		assertThat(this.defaults.change(withEmail("o'neil+chapters@mail.columbia.example"), ADDRESSES, this.random)
			.email()).isEqualTo("o'neil+chapters@mail.columbia.example");
	}

	@Test
	void newWebhookGetsAStandardWebhooksSecret() {
		Subscription changed = this.defaults.change(withWebhook("https://hooks.columbia.example/in"), ADDRESSES,
				this.random);

		assertThat(changed.webhook().url()).isEqualTo("https://hooks.columbia.example/in");
		assertThat(changed.webhook().secret()).startsWith("whsec_");
		assertThat(Base64.getDecoder().decode(changed.webhook().secret().substring("whsec_".length())))
			.hasSizeGreaterThanOrEqualTo(24);
		assertThat(changed.hasNewWebhookSecretSince(this.defaults)).isTrue();
		assertThat(changed.webhook().toString()).doesNotContain(changed.webhook().secret());
		assertThat(changed.toString()).doesNotContain(changed.webhook().secret());
	}

	@Test
	void sameWebhookUrlKeepsItsSecretAndANewOneGetsAnother() {
		Subscription first = this.defaults.change(withWebhook("https://hooks.columbia.example/in"), ADDRESSES,
				this.random);
		Subscription same = first.change(withWebhook("https://hooks.columbia.example/in"), ADDRESSES, this.random);
		Subscription moved = same.change(withWebhook("https://hooks.columbia.example/v2"), ADDRESSES, this.random);

		assertThat(same.webhook()).isEqualTo(first.webhook());
		assertThat(same.hasNewWebhookSecretSince(first)).isFalse();
		assertThat(moved.webhook().secret()).isNotEqualTo(first.webhook().secret());
		assertThat(moved.hasNewWebhookSecretSince(same)).isTrue();
	}

	@Test
	void secretsAreRandom() {
		String[] secrets = new String[20];
		Arrays.setAll(secrets, (i) -> Webhook.at("https://hooks.example.org", this.random).secret());
		assertThat(secrets).doesNotHaveDuplicates();
	}

	@Test
	void inboxReceivesOnlyTheChosenTopicsAndOnlyWhenItIsOn() {
		Subscription endorsementsOnly = this.defaults.change(
				new SubscriptionChange(List.of("ENDORSEMENTS"), null, null, null, false, true), ADDRESSES, this.random);
		Subscription inboxOff = this.defaults.change(
				new SubscriptionChange(List.of("ENDORSEMENTS"), null, null, null, false, false), ADDRESSES,
				this.random);

		assertThat(this.defaults.wantsInInbox(Topic.NOMINATIONS)).isTrue();
		assertThat(endorsementsOnly.wantsInInbox(Topic.ENDORSEMENTS)).isTrue();
		assertThat(endorsementsOnly.wantsInInbox(Topic.NOMINATIONS)).isFalse();
		assertThat(inboxOff.wantsInInbox(Topic.ENDORSEMENTS)).isFalse();
	}

	private static SubscriptionChange withEmail(String email) {
		return new SubscriptionChange(List.of("ENDORSEMENTS"), null, email, null, false, true);
	}

	private static SubscriptionChange withWebhook(String url) {
		return new SubscriptionChange(List.of("ENDORSEMENTS"), null, null, url, true, true);
	}

	@Test
	void digestTopicsMustBeKnownAndChosen() {
		SubscriptionChange change = new SubscriptionChange(List.of("VOLUNTEERS", "ENDORSEMENTS"), null,
				"info@columbia.example", null, false, true, List.of("volunteers", "OUTCOMES", "WEEKLY"), null);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.defaults.change(change, ADDRESSES, this.random))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldError::field)
				.containsExactly("digestTopics[1]", "digestTopics[2]"));
	}

	@Test
	void digestTopicsComeByEmailOnceADayAndTheOthersAtOnce() {
		Subscription changed = this.defaults.change(new SubscriptionChange(List.of("VOLUNTEERS", "ENDORSEMENTS"), null,
				"info@columbia.example", null, false, true, List.of("VOLUNTEERS"), null), ADDRESSES, this.random);
		assertThat(changed.wantsInDigest(Topic.VOLUNTEERS)).isTrue();
		assertThat(changed.wantsEmailNow(Topic.VOLUNTEERS)).isFalse();
		assertThat(changed.wantsEmailNow(Topic.ENDORSEMENTS)).isTrue();
		assertThat(changed.wantsInDigest(Topic.ENDORSEMENTS)).isFalse();
		assertThat(changed.wantsInInbox(Topic.VOLUNTEERS)).isTrue();
		Subscription noEmail = changed.change(new SubscriptionChange(List.of("VOLUNTEERS"), null, null, null, false,
				true, List.of("VOLUNTEERS"), null), ADDRESSES, this.random);
		assertThat(noEmail.wantsInDigest(Topic.VOLUNTEERS)).isFalse();
	}

	@Test
	void aDisabledWebhookGetsNothingUntilTheChapterEnablesItAgain() {
		Subscription withWebhook = this.defaults.change(withWebhook("https://hooks.columbia.example/in"), ADDRESSES,
				this.random);
		Subscription disabled = withWebhook
			.withWebhook(withWebhook.webhook().disabled(java.time.Instant.EPOCH, "the endpoint answered 410 Gone"));
		assertThat(disabled.wantsByWebhook(Topic.ENDORSEMENTS)).isFalse();
		Subscription unchanged = disabled.change(withWebhook("https://hooks.columbia.example/in"), ADDRESSES,
				this.random);
		assertThat(unchanged.webhook().enabled()).isFalse();
		Subscription enabled = disabled.change(new SubscriptionChange(List.of("ENDORSEMENTS"), null, null,
				"https://hooks.columbia.example/in", true, true, null, true), ADDRESSES, this.random);
		assertThat(enabled.wantsByWebhook(Topic.ENDORSEMENTS)).isTrue();
		assertThat(enabled.webhook().secret()).isEqualTo(withWebhook.webhook().secret());
		assertThat(enabled.hasNewWebhookSecretSince(disabled)).isFalse();
	}

}
