package org.groundgame.notification.inbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.chapter.ChapterSetUp;
import org.groundgame.notification.inbox.domain.InboxEntry;
import org.groundgame.notification.inbox.domain.Recipient;
import org.groundgame.notification.rule.NotificationRule;
import org.groundgame.notification.rule.NotificationRules;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groundgame.notification.NotificationFixture.PATIENCE;
import static org.groundgame.notification.NotificationFixture.granted;

/**
 * An event's inbox entries go to the store in one bulk write, which leaves out the
 * entries there already and inserts the others all the same: an event that comes again
 * after a write of which only a part got through gives each recipient exactly one entry.
 * American Samoa belongs to this class.
 */
@NotificationServiceIntegrationTest
class InboxBulkDeliveryIntegrationTests {

	private static final String STATE = "AS";

	private final ApplicationContext context;

	private final InboxStore store;

	private final NotificationRule<EndorsementGranted> rule;

	@Autowired
	InboxBulkDeliveryIntegrationTests(ApplicationContext context, InboxStore store, NotificationRules rules) {
		this.context = context;
		this.store = store;
		this.rule = rules.of(EndorsementGranted.class);
	}

	@Test
	void anEventComingAgainAfterAPartialWriteGivesEachChapterExactlyOneEntry() {
		List<String> chapterIds = ChapterSetUp.register(this.context, STATE, 20);
		EndorsementGranted granted = granted(STATE, "endorsement-" + UUID.randomUUID());
		// The first delivery of the event wrote the entries of eight chapters, then
		// failed.
		Instant earlier = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
		List<InboxEntry> written = chapterIds.subList(0, 8)
			.stream()
			.map((chapterId) -> InboxEntry.deliver(this.rule, granted, Recipient.chapter(chapterId), earlier))
			.toList();
		assertThat(this.store.insertNew(written).inserted()).hasSize(8);

		try (CloudEventProducer events = new CloudEventProducer()) {
			events.endorsementGranted(granted);
			events.endorsementGranted(granted);
			EndorsementGranted barrier = granted(STATE, granted.endorsementId());
			events.endorsementGranted(barrier);
			await().atMost(PATIENCE)
				.untilAsserted(() -> assertThat(chapterIds)
					.allSatisfy((chapterId) -> assertThat(entriesOf(chapterId, barrier)).hasSize(1)));
		}

		for (String chapterId : chapterIds) {
			assertThat(entriesOf(chapterId, granted)).as(chapterId).hasSize(1);
		}
		for (InboxEntry before : written) {
			assertThat(entriesOf(before.recipient().chapterId(), granted)).as("left as it was").containsExactly(before);
		}
		assertThat(entriesOf(chapterIds.get(8), granted).get(0).deliveredAt()).isAfter(earlier);
	}

	@Test
	void aBulkWriteLeavesOutTheEntriesThereAlreadyAndInsertsTheOthers() {
		List<String> chapterIds = ChapterSetUp.register(this.context, STATE, 6);
		EndorsementGranted granted = granted(STATE, "endorsement-" + UUID.randomUUID());
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		List<InboxEntry> entries = chapterIds.stream()
			.map((chapterId) -> InboxEntry.deliver(this.rule, granted, Recipient.chapter(chapterId), now))
			.toList();

		InboxStore.Inserted first = this.store.insertNew(List.of(entries.get(1), entries.get(4)));
		InboxStore.Inserted second = this.store.insertNew(entries);
		InboxStore.Inserted third = this.store.insertNew(entries);

		assertThat(first.inserted()).containsExactly(entries.get(1), entries.get(4));
		assertThat(second.inserted()).containsExactly(entries.get(0), entries.get(2), entries.get(3), entries.get(5));
		assertThat(second.duplicates()).isEqualTo(2);
		assertThat(second.failure()).isNull();
		assertThat(third.inserted()).isEmpty();
		assertThat(third.duplicates()).isEqualTo(6);
		assertThat(third.failure()).isNull();
		for (String chapterId : chapterIds) {
			assertThat(entriesOf(chapterId, granted)).as(chapterId).hasSize(1);
		}
	}

	private List<InboxEntry> entriesOf(String chapterId, EndorsementGranted event) {
		return this.store.entries(Recipient.chapter(chapterId), null, 0, 100)
			.stream()
			.filter((entry) -> entry.eventId().equals(event.eventId()))
			.toList();
	}

}
