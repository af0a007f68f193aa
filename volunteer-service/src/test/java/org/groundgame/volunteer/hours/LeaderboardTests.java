package org.groundgame.volunteer.hours;

import java.time.Instant;
import java.util.List;

import org.groundgame.support.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LeaderboardTests {

	@Test
	void mostHoursRankFirstAndEqualHoursShareARank() {
		List<Ranked<VolunteerTally>> ranked = rank(tally("a", "Ann", 3.0, 1), tally("b", "Bob", 10.5, 3),
				tally("c", "Cy", 3.0, 2), tally("d", "Di", 1.0, 1), tally("e", "Eve", 10.5, 3));

		assertThat(ranked).extracting(Ranked::rank).containsExactly(1, 1, 3, 3, 5);
		assertThat(ranked).extracting((r) -> r.entry().volunteerId()).containsExactly("b", "e", "c", "a", "d");
	}

	@Test
	void amongEqualHoursMoreShiftsComeFirstThenTheName() {
		List<Ranked<VolunteerTally>> ranked = rank(tally("a", "zoe", 4.0, 1), tally("b", "Adam", 4.0, 1),
				tally("c", "Mia", 4.0, 2), tally("d", null, 4.0, 1));

		assertThat(ranked).extracting((r) -> r.entry().volunteerId()).containsExactly("c", "b", "a", "d");
		assertThat(ranked).extracting(Ranked::rank).containsOnly(1);
	}

	@Test
	void anEmptyBoardHasNoRanks() {
		assertThat(rank()).isEmpty();
	}

	@Test
	void chaptersRankTheSameWay() {
		List<Ranked<ChapterTally>> ranked = Leaderboard.rank(
				List.of(new ChapterTally("c-1", "Columbia", "MO", 8.0, 2, 3),
						new ChapterTally("c-2", "Mobilize Missouri", "MO", 12.0, 4, 5),
						new ChapterTally("c-3", "Kansas City", "MO", 8.0, 3, 4)),
				ChapterTally::hours, ChapterTally.WITHIN_EQUAL_HOURS);

		assertThat(ranked).extracting((r) -> r.rank() + " " + r.entry().name())
			.containsExactly("1 Mobilize Missouri", "2 Kansas City", "2 Columbia");
	}

	@Test
	void hoursAreRoundedToTheHundredthSoThatSumsOfFractionsTie() {
		assertThat(Leaderboard.round(0.1 + 0.2)).isEqualTo(0.3);
		assertThat(Leaderboard.round(2.005)).isEqualTo(2.01);
		assertThat(Leaderboard.round(1.0 / 3)).isEqualTo(0.33);
	}

	@Test
	void aSelectionEndsAfterItStarts() {
		Instant now = Instant.parse("2026-11-01T00:00:00Z");

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> new HoursSelection(null, null, now, now))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(InvalidInputException.FieldError::field)
				.containsExactly("to"));
		assertThat(new HoursSelection(" ", "", now, null)).isEqualTo(new HoursSelection(null, null, now, null));
	}

	@Test
	void aTallyLeavesTheNameOutOfItsText() {
		assertThat(tally("v-9", "Jane Doe", 2.0, 1).toString()).contains("v-9").doesNotContain("Jane");
	}

	private static List<Ranked<VolunteerTally>> rank(VolunteerTally... tallies) {
		return Leaderboard.rank(List.of(tallies), VolunteerTally::hours, VolunteerTally.WITHIN_EQUAL_HOURS);
	}

	private static VolunteerTally tally(String id, String name, double hours, int shifts) {
		return new VolunteerTally(id, name, "c-1", hours, shifts);
	}

}
