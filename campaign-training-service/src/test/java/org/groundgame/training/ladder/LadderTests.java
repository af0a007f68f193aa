package org.groundgame.training.ladder;

import java.util.List;
import java.util.Map;

import org.groundgame.training.ladder.Ladder.ChapterRungs;
import org.groundgame.training.ladder.Ladder.Climb;
import org.groundgame.training.ladder.Ladder.Rungs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ladder's counting rules, in plain Java. */
class LadderTests {

	@Test
	void eachRungCountsOnlyThoseOnTheRungBelowAndVolunteersWithoutHoursCountNowhere() {
		Map<String, Climb> climbs = Map.of("key-trained", new Climb(true, false, false, false), "key-won",
				new Climb(true, true, true, true),
				// Ran, endorsed and won without a completed cohort: not a rung of the
				// ladder.
				"key-untrained", new Climb(false, true, true, true));
		List<Volunteer> volunteers = List.of(new Volunteer("v-1", "key-trained", "ch-1", 2, 1),
				new Volunteer("v-2", "key-won", "ch-1", 5.5, 3), new Volunteer("v-3", "key-untrained", "ch-1", 1, 1),
				new Volunteer("v-4", null, "ch-1", 3, 1), new Volunteer("v-5", "key-won", "ch-2", 0, 0),
				new Volunteer("v-6", "key-nobody", null, 4, 2));

		List<ChapterRungs> rows = Ladder.count(volunteers, (key) -> climbs.getOrDefault(key, Climb.NONE));

		assertThat(rows).containsExactly(new ChapterRungs("ch-1", new Rungs(4, 2, 1, 1, 1)),
				new ChapterRungs(null, new Rungs(1, 0, 0, 0, 0)));
		assertThat(Ladder.total(rows)).isEqualTo(new Rungs(5, 2, 1, 1, 1));
	}

	@Test
	void aClimbIsALadderEachRungImplyingTheOneBelow() {
		assertThat(new Climb(true, false, true, true)).isEqualTo(new Climb(true, false, false, false));
		assertThat(new Climb(false, true, true, true)).isEqualTo(Climb.NONE);
		// A win of a candidacy whose endorsement was rescinded since is still a win.
		assertThat(new Climb(true, true, false, true).won()).isTrue();
	}

	@Test
	void noVolunteerWithHoursMeansNoRow() {
		assertThat(Ladder.count(List.of(new Volunteer("v-1", "key", "ch-1", 0, 0)), (key) -> Climb.NONE)).isEmpty();
		assertThat(Ladder.total(List.of())).isEqualTo(Rungs.NONE);
	}

}
