package org.groundgame.notification.rule;

import java.time.Instant;
import java.util.Set;

import org.groundgame.events.volunteer.ShiftSignupPromoted;
import org.groundgame.events.volunteer.ShiftSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShiftSignupPromotedRuleTests {

	private final NotificationRule<ShiftSignupPromoted> rule = NotificationRules.standard()
		.of(ShiftSignupPromoted.class);

	@Test
	void thePromotedVolunteerAloneIsToldTheSeatIsTheirs() {
		ShiftSignupPromoted promoted = promoted(ShiftFixtures.canvass());

		assertThat(this.rule.people(promoted)).containsExactly("volunteer-1");
		assertThat(this.rule.audience(promoted, (state) -> Set.of("mobilize-missouri"))).isEmpty();
		Notice notice = this.rule.personalTemplate(promoted);
		assertThat(notice.title()).isEqualTo("A seat opened up — you're in: Canvass for Jane Example");
		assertThat(notice.body()).startsWith("A seat opened up and it is yours: you are now signed up for Canvass for "
				+ "Jane Example, a canvass, on Saturday, November 28, 10:00 AM – 1:00 PM CST, at 4140 Gravois Ave, "
				+ "St. Louis.");
	}

	@Test
	void aVirtualShiftComesWithTheLinkToJoin() {
		assertThat(this.rule.personalTemplate(promoted(ShiftFixtures.phoneBank("https://meet.example.org/j")))
			.link()
			.url()).isEqualTo("https://meet.example.org/j");
	}

	private static ShiftSignupPromoted promoted(ShiftSummary shift) {
		return new ShiftSignupPromoted("event-1", Instant.parse("2026-11-20T12:00:00Z"), "shift-1", "signup-1",
				"volunteer-1", shift);
	}

}
