package org.groundgame.notification.rule;

import java.time.Instant;

import org.groundgame.events.volunteer.ShiftSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groundgame.notification.rule.ShiftFixtures.SATURDAY_10AM_CST;
import static org.groundgame.notification.rule.ShiftFixtures.SATURDAY_1PM_CST;

class ShiftsTests {

	@Test
	void aShiftIsToldOnTheClockOfItsStateWithTheZone() {
		assertThat(Shifts.when(ShiftFixtures.canvass())).isEqualTo("Saturday, November 28, 10:00 AM – 1:00 PM CST");
	}

	@Test
	void summerTimeIsSaidWhereTheStateKeepsIt() {
		ShiftSummary july = at("MO", Instant.parse("2026-07-11T15:00:00Z"), Instant.parse("2026-07-11T18:00:00Z"));
		assertThat(Shifts.when(july)).isEqualTo("Saturday, July 11, 10:00 AM – 1:00 PM CDT");
		ShiftSummary arizona = at("AZ", Instant.parse("2026-07-11T15:00:00Z"), Instant.parse("2026-07-11T18:00:00Z"));
		assertThat(Shifts.when(arizona)).isEqualTo("Saturday, July 11, 8:00 AM – 11:00 AM MST");
	}

	@Test
	void aShiftAcrossMidnightNamesBothDays() {
		ShiftSummary late = at("HI", Instant.parse("2026-11-29T07:00:00Z"), Instant.parse("2026-11-29T11:00:00Z"));
		assertThat(Shifts.when(late))
			.isEqualTo("Saturday, November 28, 9:00 PM HST – Sunday, November 29, 1:00 AM HST");
	}

	@Test
	void aShiftWhileTheClocksGoBackGivesEachTimeItsZone() {
		ShiftSummary night = at("MO", Instant.parse("2026-11-01T06:30:00Z"), Instant.parse("2026-11-01T08:30:00Z"));
		assertThat(Shifts.when(night)).isEqualTo("Sunday, November 1, 1:30 AM CDT – 2:30 AM CST");
	}

	@Test
	void aShiftInAStateNotKnownIsToldInUtc() {
		assertThat(Shifts.when(at("XX", SATURDAY_10AM_CST, SATURDAY_1PM_CST)))
			.isEqualTo("Saturday, November 28, 4:00 PM – 7:00 PM UTC");
	}

	@Test
	void aShiftWithoutTimesIsToBeAnnounced() {
		ShiftSummary untimed = at("MO", null, null);
		assertThat(Shifts.when(untimed)).isEqualTo("at a time to be announced");
		assertThat(Shifts.describe(untimed)).isEqualTo("Canvass, a canvass, at a time to be announced");
	}

	@Test
	void theReminderSaysTodayTomorrowOrTheDay() {
		ShiftSummary shift = ShiftFixtures.canvass();
		// Friday 11 PM in St. Louis is Saturday 5 AM in UTC: still "tomorrow".
		assertThat(Shifts.dayFrom(shift, Instant.parse("2026-11-28T05:00:00Z"))).isEqualTo("tomorrow");
		assertThat(Shifts.dayFrom(shift, Instant.parse("2026-11-28T07:00:00Z"))).isEqualTo("today");
		assertThat(Shifts.dayFrom(shift, Instant.parse("2026-11-26T16:00:00Z"))).isEqualTo("on Saturday, November 28");
		assertThat(Shifts.startTime(shift)).isEqualTo("10:00 AM CST");
	}

	@Test
	void typesAreNamedInWordsAndUnknownOnesAsAnOpportunity() {
		assertThat(Shifts.kind("PHONE_BANK")).isEqualTo("a phone bank");
		assertThat(Shifts.kind("DEEP_CANVASS")).isEqualTo("a deep canvass");
		assertThat(Shifts.kind("VOTER_REG")).isEqualTo("a voter registration drive");
		assertThat(Shifts.kind("GOTV")).isEqualTo("a get-out-the-vote shift");
		assertThat(Shifts.kind("HOUSE_PARTY")).isEqualTo("a volunteer opportunity");
		assertThat(Shifts.kind(null)).isEqualTo("a volunteer opportunity");
	}

	@Test
	void aShiftIsDescribedWithWhatWhenAndWhere() {
		assertThat(Shifts.describe(ShiftFixtures.canvass())).isEqualTo("Canvass for Jane Example, a canvass, "
				+ "on Saturday, November 28, 10:00 AM – 1:00 PM CST, at 4140 Gravois Ave, St. Louis");
		assertThat(Shifts.describe(ShiftFixtures.phoneBank("https://meet.example.org/jane")))
			.isEqualTo("Phone bank for Jane Example, a phone bank, "
					+ "on Saturday, November 28, 10:00 AM – 1:00 PM CST, online");
	}

	@Test
	void aVirtualShiftsWebAddressBecomesTheLinkToJoin() {
		Notice.Link link = Shifts.joinLink(ShiftFixtures.phoneBank("https://meet.example.org/jane"));
		assertThat(link.label()).isEqualTo("Join online");
		assertThat(link.url()).isEqualTo("https://meet.example.org/jane");
		assertThat(Shifts.joinLine(ShiftFixtures.phoneBank("https://meet.example.org/jane"))).isEmpty();
	}

	@Test
	void aVirtualShiftsOtherDirectionsAreSaidInWords() {
		ShiftSummary dialIn = ShiftFixtures.phoneBank("Dial 555-0100, code 4242");
		assertThat(Shifts.joinLink(dialIn)).isNull();
		assertThat(Shifts.joinLine(dialIn)).isEqualTo("\n\nTo join online: Dial 555-0100, code 4242");
		assertThat(Shifts.joinLink(ShiftFixtures.canvass())).isNull();
		assertThat(Shifts.joinLine(ShiftFixtures.canvass())).isEmpty();
	}

	private static ShiftSummary at(String state, Instant startsAt, Instant endsAt) {
		return new ShiftSummary("opportunity-1", "Canvass", "CANVASS", state, null, null, startsAt, endsAt, null, null);
	}

}
