package org.groundgame.notification.rule;

import java.time.Instant;
import java.util.Set;

import org.groundgame.events.volunteer.AttendanceRecorded;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttendanceRecordedRuleTests {

	private final NotificationRule<AttendanceRecorded> rule = NotificationRules.standard().of(AttendanceRecorded.class);

	@Test
	void aVolunteerWhoCameIsThankedWithTheirHours() {
		AttendanceRecorded attended = recorded(true, 3);

		assertThat(this.rule.people(attended)).containsExactly("volunteer-1");
		assertThat(this.rule.audience(attended, (state) -> Set.of("mobilize-missouri"))).isEmpty();
		Notice notice = this.rule.personalTemplate(attended);
		assertThat(notice.title()).isEqualTo("Thank you for volunteering: Canvass for Jane Example");
		assertThat(notice.body())
			.startsWith("Thank you for coming to Canvass for Jane Example, a canvass, on Saturday, "
					+ "November 28, 10:00 AM – 1:00 PM CST, at 4140 Gravois Ave, St. Louis! "
					+ "We recorded 3 hours of volunteering for you.");
	}

	@Test
	void aNoShowIsToldNothing() {
		assertThat(this.rule.people(recorded(false, 0))).isEmpty();
	}

	@Test
	void hoursAreSaidAsPeopleSayThem() {
		assertThat(ShiftNotices.hours(1)).isEqualTo("1 hour");
		assertThat(ShiftNotices.hours(2.5)).isEqualTo("2.5 hours");
		assertThat(ShiftNotices.hours(1.3333333)).isEqualTo("1.33 hours");
		assertThat(ShiftNotices.hours(0)).isNull();
		assertThat(ShiftNotices.hours(Double.NaN)).isNull();
		assertThat(this.rule.personalTemplate(recorded(true, 0)).body()).doesNotContain("We recorded");
	}

	private static AttendanceRecorded recorded(boolean attended, double hours) {
		return new AttendanceRecorded("event-1", Instant.parse("2026-11-28T20:00:00Z"), "shift-1", "signup-1",
				"volunteer-1", "mobilize-missouri", attended, hours, ShiftFixtures.canvass());
	}

}
