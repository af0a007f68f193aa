package org.groundgame.notification.inbox.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.notification.rule.NotificationRule;
import org.groundgame.notification.rule.NotificationRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InboxEntryTests {

	private static final Instant OCCURRED = Instant.parse("2026-05-01T12:00:00Z");

	private final NotificationRule<EndorsementGranted> rule = NotificationRules.standard().of(EndorsementGranted.class);

	private final EndorsementGranted event = new EndorsementGranted("event-1", OCCURRED, "endorsement-1",
			"nomination-1", "Jane Example",
			new RaceSummary("State Representative", "STATE", "MO", "80", null, LocalDate.of(2026, 11, 3)), "columbia",
			false);

	@Test
	void newEntryIsUnreadAndCarriesTheRuleTemplate() {
		InboxEntry entry = InboxEntry.deliver(this.rule, this.event, "columbia", OCCURRED.plusSeconds(2));
		assertThat(entry.chapterId()).isEqualTo("columbia");
		assertThat(entry.eventId()).isEqualTo("event-1");
		assertThat(entry.eventType()).isEqualTo("org.groundgame.endorsement.EndorsementGranted.v1");
		assertThat(entry.title()).isEqualTo("Endorsed: Jane Example for State Representative (MO, District 80)");
		assertThat(entry.body()).isEqualTo(this.rule.template(this.event).body());
		assertThat(entry.subjectId()).isEqualTo("endorsement-1");
		assertThat(entry.occurredAt()).isEqualTo(OCCURRED);
		assertThat(entry.deliveredAt()).isEqualTo(OCCURRED.plusSeconds(2));
		assertThat(entry.read()).isFalse();
	}

	@Test
	void sameEventReachingTheSameChapterIsTheSameEntry() {
		InboxEntry first = InboxEntry.deliver(this.rule, this.event, "columbia", OCCURRED.plusSeconds(1));
		InboxEntry again = InboxEntry.deliver(this.rule, this.event, "columbia", OCCURRED.plusSeconds(60));
		InboxEntry otherChapter = InboxEntry.deliver(this.rule, this.event, "lawrence", OCCURRED.plusSeconds(1));
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(otherChapter.id()).isNotEqualTo(first.id());
	}

	@Test
	void staffEntryOfAnEventIsAnotherEntryThanAnyChaptersEvenOneCalledStaff() {
		InboxEntry staff = InboxEntry.deliver(this.rule, this.event, Recipient.staff(), OCCURRED);
		InboxEntry chapterCalledStaff = InboxEntry.deliver(this.rule, this.event, "staff", OCCURRED);
		assertThat(staff.recipient().isStaff()).isTrue();
		assertThat(staff.chapterId()).isNull();
		assertThat(staff.id()).isNotEqualTo(chapterCalledStaff.id());
		assertThat(staff.recipient().key()).isNotEqualTo(chapterCalledStaff.recipient().key());
		assertThat(InboxEntry.deliver(this.rule, this.event, Recipient.staff(), OCCURRED.plusSeconds(5)).id())
			.isEqualTo(staff.id());
	}

	@Test
	void rulesWithoutAStaffTemplateTellStaffWhatTheyTellChapters() {
		InboxEntry staff = InboxEntry.deliver(this.rule, this.event, Recipient.staff(), OCCURRED);
		assertThat(this.rule.notifiesStaff(this.event)).isFalse();
		assertThat(staff.title()).isEqualTo(this.rule.template(this.event).title());
	}

	@Test
	void recipientKeysReadBack() {
		assertThat(Recipient.ofKey(Recipient.staff().key())).isEqualTo(Recipient.staff());
		assertThat(Recipient.ofKey(Recipient.chapter("chapter:x").key())).isEqualTo(Recipient.chapter("chapter:x"));
	}

	@Test
	void latencyRunsFromTheEventToTheDeliveryAndIsNeverNegative() {
		assertThat(InboxEntry.deliver(this.rule, this.event, "columbia", OCCURRED.plusMillis(1500)).latency())
			.isEqualTo(Duration.ofMillis(1500));
		assertThat(InboxEntry.deliver(this.rule, this.event, "columbia", OCCURRED.minusSeconds(1)).latency())
			.isEqualTo(Duration.ZERO);
	}

}
