package org.groundgame.notification.inbox.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.NominationSubmitted;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.rule.NotificationRules;
import org.groundgame.notification.subscription.domain.ChapterSubscriptions;
import org.groundgame.notification.subscription.domain.Subscription;
import org.groundgame.notification.subscription.domain.SubscriptionChange;
import org.groundgame.notification.subscription.domain.WebhookAddresses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InboxRecipientsTests {

	private static final RaceSummary MO_80 = new RaceSummary("State Representative", "STATE", "MO", "80", null,
			LocalDate.of(2026, 11, 3));

	private final ChapterDirectory chapters = (state) -> Map
		.of("MO", Set.of("st-louis", "columbia"), "KS", Set.of("lawrence", "wichita"))
		.getOrDefault(state, Set.of());

	private final Map<String, Subscription> stored = new HashMap<>();

	private final ChapterSubscriptions subscriptions = new ChapterSubscriptions() {

		@Override
		public Set<String> chapterIdsFollowing(String state) {
			Set<String> following = new TreeSet<>();
			InboxRecipientsTests.this.stored.values()
				.stream()
				.filter((subscription) -> subscription.states().contains(state))
				.forEach((subscription) -> following.add(subscription.chapterId()));
			return following;
		}

		@Override
		public Map<String, Subscription> storedOf(Collection<String> chapterIds) {
			Map<String, Subscription> found = new HashMap<>(InboxRecipientsTests.this.stored);
			found.keySet().retainAll(chapterIds);
			return found;
		}

	};

	private final InboxRecipients recipients = new InboxRecipients(this.chapters, this.subscriptions);

	@Test
	void chaptersThatNeverChoseHearOfEverythingInTheirInbox() {
		assertThat(this.recipients.of(NotificationRules.standard().of(EndorsementGranted.class), granted(null)))
			.containsExactlyInAnyOrder("st-louis", "columbia");
		assertThat(this.recipients.of(NotificationRules.standard().of(NominationSubmitted.class),
				submitted("kansas-city")))
			.containsExactly("kansas-city");
	}

	@Test
	void chapterFollowingTheRaceStateHearsOfTheEndorsementToo() {
		subscribe("lawrence", List.of("ENDORSEMENTS"), List.of("MO"), true);

		assertThat(this.recipients.of(NotificationRules.standard().of(EndorsementGranted.class), granted(null)))
			.containsExactlyInAnyOrder("st-louis", "columbia", "lawrence");
	}

	@Test
	void chapterThatLeftOutTheTopicOrTurnedItsInboxOffHearsNothing() {
		subscribe("st-louis", List.of("NOMINATIONS", "OUTCOMES"), List.of(), true);
		subscribe("columbia", List.of("ENDORSEMENTS"), List.of(), false);
		subscribe("lawrence", List.of("NOMINATIONS"), List.of("MO"), true);

		assertThat(this.recipients.of(NotificationRules.standard().of(EndorsementGranted.class), granted(null)))
			.isEmpty();
	}

	@Test
	void nominatingChapterIsToldOnlyIfSubscribedToTheTopic() {
		subscribe("wichita", List.of("ENDORSEMENTS"), List.of(), true);
		subscribe("lawrence", List.of("NOMINATIONS"), List.of(), true);

		assertThat(this.recipients.of(NotificationRules.standard().of(EndorsementGranted.class), granted("wichita")))
			.containsExactlyInAnyOrder("st-louis", "columbia", "wichita");
		assertThat(this.recipients.of(NotificationRules.standard().of(NominationSubmitted.class), submitted("wichita")))
			.isEmpty();
		assertThat(this.recipients.of(NotificationRules.standard().of(EndorsementGranted.class), granted("lawrence")))
			.containsExactlyInAnyOrder("st-louis", "columbia");
	}

	@Test
	void chapterOfTheStateThatAlsoFollowsItIsToldOnce() {
		subscribe("columbia", List.of("ENDORSEMENTS"), List.of("MO", "KS"), true);

		assertThat(this.recipients.of(NotificationRules.standard().of(EndorsementGranted.class), granted("columbia")))
			.containsExactlyInAnyOrder("st-louis", "columbia");
	}

	private void subscribe(String chapterId, List<String> topics, List<String> states, boolean inbox) {
		this.stored.put(chapterId,
				Subscription.defaultsFor(chapterId, null)
					.change(new SubscriptionChange(topics, states, null, null, false, inbox),
							new WebhookAddresses(false), new SecureRandom()));
	}

	private static EndorsementGranted granted(String nominatingChapterId) {
		return new EndorsementGranted("event-1", Instant.parse("2026-05-01T12:00:00Z"), "endorsement-1", "nomination-1",
				"Jane Example", MO_80, nominatingChapterId, false);
	}

	private static NominationSubmitted submitted(String chapterId) {
		return new NominationSubmitted("event-2", Instant.parse("2026-05-01T12:00:00Z"), "nomination-2", "Jane Example",
				MO_80, chapterId);
	}

}
