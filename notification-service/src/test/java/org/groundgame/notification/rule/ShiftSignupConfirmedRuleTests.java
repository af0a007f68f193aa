package org.groundgame.notification.rule;

import java.time.Instant;
import java.util.Set;

import org.groundgame.events.volunteer.ShiftSignupConfirmed;
import org.groundgame.events.volunteer.ShiftSummary;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShiftSignupConfirmedRuleTests {

	private final ChapterDirectory chapters = (state) -> Set.of("mobilize-missouri", "columbia");

	private final NotificationRule<ShiftSignupConfirmed> rule = NotificationRules.standard()
		.of(ShiftSignupConfirmed.class);

	@Test
	void theVolunteerAloneIsToldTheyHaveASeat() {
		ShiftSignupConfirmed confirmed = confirmed(ShiftFixtures.canvass());

		assertThat(this.rule.people(confirmed)).containsExactly("volunteer-1");
		assertThat(this.rule.audience(confirmed, this.chapters)).isEmpty();
		assertThat(this.rule.notifiesStaff(confirmed)).isFalse();
	}

	@Test
	void theVolunteerIsToldWhenOnTheirStatesClockAndWhere() {
		Notice notice = this.rule.personalTemplate(confirmed(ShiftFixtures.canvass()));

		assertThat(notice.title()).isEqualTo("You're signed up: Canvass for Jane Example");
		assertThat(notice.body()).isEqualTo("Thank you for signing up! You have a seat on Canvass for Jane Example, "
				+ "a canvass, on Saturday, November 28, 10:00 AM – 1:00 PM CST, at 4140 Gravois Ave, St. Louis.\n\n"
				+ "If your plans change, please cancel your signup, so that your seat goes to the next volunteer in "
				+ "line.");
		assertThat(notice.link()).isNull();
	}

	@Test
	void aVirtualShiftComesWithTheLinkToJoin() {
		Notice notice = this.rule.personalTemplate(confirmed(ShiftFixtures.phoneBank("https://meet.example.org/j")));

		assertThat(notice.body()).contains(", online.");
		assertThat(notice.link().url()).isEqualTo("https://meet.example.org/j");
		assertThat(notice.link().label()).isEqualTo("Join online");
	}

	@Test
	void theMessageIsAboutTheShift() {
		assertThat(this.rule.subjectId(confirmed(ShiftFixtures.canvass()))).isEqualTo("shift-1");
	}

	@Test
	void aSignupWithoutAVolunteerConcernsNoOne() {
		ShiftSignupConfirmed nobody = new ShiftSignupConfirmed("event-1", Instant.parse("2026-11-20T12:00:00Z"),
				"shift-1", "signup-1", " ", ShiftFixtures.canvass());
		assertThat(this.rule.people(nobody)).isEmpty();
	}

	private static ShiftSignupConfirmed confirmed(ShiftSummary shift) {
		return new ShiftSignupConfirmed("event-1", Instant.parse("2026-11-20T12:00:00Z"), "shift-1", "signup-1",
				"volunteer-1", shift);
	}

}
