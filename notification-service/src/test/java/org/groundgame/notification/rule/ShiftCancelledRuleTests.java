package org.groundgame.notification.rule;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.groundgame.events.volunteer.OpportunityCancelled;
import org.groundgame.events.volunteer.ShiftCancelled;
import org.groundgame.events.volunteer.ShiftRescheduled;
import org.groundgame.events.volunteer.ShiftSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The organizers cancel or move a shift, or cancel an opportunity. */
class ShiftCancelledRuleTests {

	private static final Instant AT = Instant.parse("2026-11-20T12:00:00Z");

	private final NotificationRule<ShiftCancelled> cancelled = NotificationRules.standard().of(ShiftCancelled.class);

	private final NotificationRule<ShiftRescheduled> rescheduled = NotificationRules.standard()
		.of(ShiftRescheduled.class);

	private final NotificationRule<OpportunityCancelled> opportunityCancelled = NotificationRules.standard()
		.of(OpportunityCancelled.class);

	@Test
	void everyVolunteerOfACancelledShiftIsToldWithTheReasonAndTheChapterKeepsARecord() {
		ShiftCancelled event = new ShiftCancelled("event-1", AT, "shift-1", "Storm warning",
				List.of("volunteer-1", "volunteer-2"), false, ShiftFixtures.canvass());

		assertThat(this.cancelled.people(event)).containsExactly("volunteer-1", "volunteer-2");
		assertThat(this.cancelled.audience(event, (state) -> Set.of("another-chapter")))
			.containsExactly("mobilize-missouri");
		assertThat(this.cancelled.notifiesStaff(event)).isFalse();
		Notice personal = this.cancelled.personalTemplate(event, Language.ENGLISH);
		assertThat(personal.title()).isEqualTo("Cancelled: Canvass for Jane Example");
		assertThat(personal.body())
			.startsWith("We're sorry: the organizers cancelled Canvass for Jane Example, a "
					+ "canvass, on Saturday, November 28, 10:00 AM – 1:00 PM CST, at 4140 Gravois Ave, St. Louis.")
			.contains("Their reason: Storm warning");
		Notice spanish = this.cancelled.personalTemplate(event, Language.SPANISH);
		assertThat(spanish.title()).isEqualTo("Cancelado: Canvass for Jane Example");
		assertThat(spanish.body()).contains("sábado 28 de noviembre").contains("Su motivo: Storm warning");
		Notice chapter = this.cancelled.template(event);
		assertThat(chapter.title()).isEqualTo("Shift cancelled: Canvass for Jane Example");
		assertThat(chapter.body()).contains("Reason: Storm warning").contains("2 volunteers were told");
	}

	@Test
	void aShiftCancelledWithItsOpportunityTellsItsVolunteersOnly() {
		ShiftCancelled event = new ShiftCancelled("event-1", AT, "shift-1", "Withdrawn", List.of("volunteer-1"), true,
				ShiftFixtures.canvass());

		assertThat(this.cancelled.people(event)).containsExactly("volunteer-1");
		assertThat(this.cancelled.audience(event, (state) -> Set.of("mobilize-missouri"))).isEmpty();
		assertThat(this.cancelled.notifiesStaff(event)).isFalse();
	}

	@Test
	void staffsOwnShiftIsRecordedInTheStaffInbox() {
		ShiftCancelled event = new ShiftCancelled("event-1", AT, "shift-1", "Withdrawn", List.of(), false,
				ShiftFixtures.phoneBank("https://meet.example.org/x"));

		assertThat(this.cancelled.audience(event, (state) -> Set.of("mobilize-missouri"))).isEmpty();
		assertThat(this.cancelled.notifiesStaff(event)).isTrue();
		assertThat(this.cancelled.template(event).body()).contains("Nobody had signed up for it.");
	}

	@Test
	void aMovedShiftsVolunteersAreToldTheOldAndNewTimes() {
		ShiftSummary before = ShiftFixtures.canvass();
		ShiftSummary after = new ShiftSummary(before.opportunityId(), before.title(), before.type(), before.state(),
				before.chapterId(), before.endorsementId(), before.startsAt().plusSeconds(86400),
				before.endsAt().plusSeconds(86400), "Forest Park, St. Louis", null);
		ShiftRescheduled event = new ShiftRescheduled("event-1", AT, "shift-1", before.startsAt(), before.endsAt(),
				before.location(), List.of("volunteer-1"), after);

		assertThat(this.rescheduled.people(event)).containsExactly("volunteer-1");
		assertThat(this.rescheduled.audience(event, (state) -> Set.of())).containsExactly("mobilize-missouri");
		Notice personal = this.rescheduled.personalTemplate(event, Language.ENGLISH);
		assertThat(personal.title()).isEqualTo("New time: Canvass for Jane Example");
		assertThat(personal.body()).contains(
				"it was to be on Saturday, November 28, 10:00 AM – 1:00 PM CST, at 4140 Gravois Ave, St. Louis, and "
						+ "is now on Sunday, November 29, 10:00 AM – 1:00 PM CST, at Forest Park, St. Louis.");
		assertThat(this.rescheduled.personalTemplate(event, Language.SPANISH).title())
			.isEqualTo("Nuevo horario: Canvass for Jane Example");
		assertThat(this.rescheduled.template(event).title()).isEqualTo("Shift moved: Canvass for Jane Example");
	}

	@Test
	void aCancelledOpportunityIsRecordedOnceForItsChapter() {
		OpportunityCancelled event = new OpportunityCancelled("event-1", AT, "opportunity-1",
				"Canvass for Jane Example", "CANVASS", "MO", "mobilize-missouri", null, "Withdrawn", 3);

		assertThat(this.opportunityCancelled.audience(event, (state) -> Set.of("another")))
			.containsExactly("mobilize-missouri");
		assertThat(this.opportunityCancelled.people(event)).isEmpty();
		assertThat(this.opportunityCancelled.template(event).title())
			.isEqualTo("Opportunity cancelled: Canvass for Jane Example");
		assertThat(this.opportunityCancelled.template(event).body()).contains("Reason: Withdrawn")
			.contains("3 shifts still to come were cancelled with it");
	}

}
