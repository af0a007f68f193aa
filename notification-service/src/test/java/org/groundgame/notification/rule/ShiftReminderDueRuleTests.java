package org.groundgame.notification.rule;

import java.time.Instant;
import java.util.Set;

import org.groundgame.events.volunteer.ShiftReminderDue;
import org.groundgame.events.volunteer.ShiftSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShiftReminderDueRuleTests {

	private final NotificationRule<ShiftReminderDue> rule = NotificationRules.standard().of(ShiftReminderDue.class);

	@Test
	void theVolunteerAloneIsRemindedTheDayBefore() {
		ShiftReminderDue due = due(Instant.parse("2026-11-27T16:00:00Z"), ShiftFixtures.canvass());

		assertThat(this.rule.people(due)).containsExactly("volunteer-1");
		assertThat(this.rule.audience(due, (state) -> Set.of("mobilize-missouri"))).isEmpty();
		Notice notice = this.rule.personalTemplate(due);
		assertThat(notice.title()).isEqualTo("Reminder: Canvass for Jane Example tomorrow, 10:00 AM CST");
		assertThat(notice.body())
			.startsWith("A reminder of your shift: Canvass for Jane Example, a canvass, on "
					+ "Saturday, November 28, 10:00 AM – 1:00 PM CST, at 4140 Gravois Ave, St. Louis.")
			.endsWith("Thank you for volunteering!");
	}

	@Test
	void aVolunteerWhoReadsSpanishIsRemindedInSpanishAndAnUnknownLanguageIsEnglish() {
		ShiftReminderDue due = due(Instant.parse("2026-11-27T16:00:00Z"),
				ShiftFixtures.phoneBank("https://meet.example.org/j"));

		Notice notice = this.rule.personalTemplate(due, Language.of("es"));
		assertThat(notice.title()).isEqualTo("Recordatorio: Phone bank for Jane Example mañana, 10:00 a.m. CST");
		assertThat(notice.body())
			.startsWith("Te recordamos tu turno: Phone bank for Jane Example, una jornada de "
					+ "llamadas, el sábado 28 de noviembre, 10:00 a.m. – 1:00 p.m. CST, en línea.")
			.endsWith("¡Gracias por tu voluntariado!");
		assertThat(notice.link().label()).isEqualTo("Unirte en línea");
		assertThat(this.rule.personalTemplate(due, Language.of("fr"))).isEqualTo(this.rule.personalTemplate(due));
		assertThat(this.rule.personalTemplate(due, Language.of(null))).isEqualTo(this.rule.personalTemplate(due));
	}

	@Test
	void aReminderOnTheDayItselfSaysToday() {
		ShiftReminderDue due = due(Instant.parse("2026-11-28T13:00:00Z"), ShiftFixtures.canvass());

		assertThat(this.rule.personalTemplate(due).title())
			.isEqualTo("Reminder: Canvass for Jane Example today, 10:00 AM CST");
	}

	@Test
	void aVirtualShiftsReminderComesWithTheLinkToJoin() {
		ShiftReminderDue due = due(Instant.parse("2026-11-27T16:00:00Z"),
				ShiftFixtures.phoneBank("https://meet.example.org/j"));

		assertThat(this.rule.personalTemplate(due).link().url()).isEqualTo("https://meet.example.org/j");
	}

	@Test
	void aShiftWithoutTimesIsStillRemindedOf() {
		ShiftSummary untimed = new ShiftSummary("opportunity-1", "Canvass", "CANVASS", "MO", null, null, null, null,
				null, null);

		assertThat(this.rule.personalTemplate(due(Instant.parse("2026-11-27T16:00:00Z"), untimed)).title())
			.isEqualTo("Reminder: Canvass");
	}

	private static ShiftReminderDue due(Instant occurredAt, ShiftSummary shift) {
		return new ShiftReminderDue("event-1", occurredAt, "shift-1", "signup-1", "volunteer-1", shift);
	}

}
