package org.groundgame.notification.rule;

import java.time.Instant;
import java.util.Set;

import org.groundgame.events.volunteer.ShiftWaitlisted;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShiftWaitlistedRuleTests {

	private final NotificationRule<ShiftWaitlisted> rule = NotificationRules.standard().of(ShiftWaitlisted.class);

	@Test
	void theVolunteerAloneIsToldTheirPlaceInLine() {
		ShiftWaitlisted waitlisted = waitlisted(3);

		assertThat(this.rule.people(waitlisted)).containsExactly("volunteer-1");
		assertThat(this.rule.audience(waitlisted, (state) -> Set.of("mobilize-missouri"))).isEmpty();
		Notice notice = this.rule.personalTemplate(waitlisted);
		assertThat(notice.title()).isEqualTo("You're on the waitlist: Canvass for Jane Example");
		assertThat(notice.body())
			.startsWith("The shift you signed up for is full: Canvass for Jane Example, a canvass, "
					+ "on Saturday, November 28, 10:00 AM – 1:00 PM CST, at 4140 Gravois Ave, St. Louis. "
					+ "You are on its waitlist, number 3 in line.")
			.contains("goes to the first in line automatically");
		assertThat(notice.link()).isNull();
	}

	@Test
	void aPlaceNotGivenIsStillAPlaceInLine() {
		assertThat(this.rule.personalTemplate(waitlisted(0)).body()).contains("on its waitlist, in line for a seat.");
	}

	private static ShiftWaitlisted waitlisted(int position) {
		return new ShiftWaitlisted("event-1", Instant.parse("2026-11-20T12:00:00Z"), "shift-1", "signup-1",
				"volunteer-1", position, ShiftFixtures.canvass());
	}

}
