package org.groundgame.web.console;

import java.util.List;

import org.groundgame.web.console.school.Pipeline;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BarChartTests {

	@Test
	void barsAreScaledToTheLargestNumberOfTheChartSoThatGroupsCompare() {
		BarChart chart = BarChart.of(List.of("Candidate track", "Organizer track"), Pipeline.STAGES,
				List.of(new Pipeline.Counts(10, 5, 2, 0), new Pipeline.Counts(4, 0, 0, 0)));

		assertThat(chart.groups()).extracting(BarChart.Group::label)
			.containsExactly("Candidate track", "Organizer track");
		assertThat(chart.groups().get(0).bars()).extracting(BarChart.Bar::key, BarChart.Bar::value, BarChart.Bar::width)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("trained", 10L, "60.00%"),
					org.assertj.core.groups.Tuple.tuple("ran", 5L, "30.00%"),
					org.assertj.core.groups.Tuple.tuple("endorsed", 2L, "12.00%"),
					org.assertj.core.groups.Tuple.tuple("won", 0L, "0.00%"));
		assertThat(chart.groups().get(1).bars().get(0).width()).isEqualTo("24.00%");
		// The number is written just right of its bar.
		assertThat(chart.groups().get(0).bars().get(0).valueX()).isEqualTo("89.00%");
	}

	@Test
	void groupsAndBarsAreStackedWithoutOverlappingAndTheDrawingIsTallEnoughForThem() {
		BarChart chart = BarChart.of(List.of("A", "B"), Pipeline.STAGES,
				List.of(new Pipeline.Counts(1, 1, 1, 1), new Pipeline.Counts(1, 1, 1, 1)));

		int previous = -1;
		for (BarChart.Group group : chart.groups()) {
			assertThat(group.labelY()).isGreaterThan(previous);
			for (BarChart.Bar bar : group.bars()) {
				assertThat(bar.y()).isGreaterThan(group.labelY() - BarChart.GROUP_LABEL / 2);
				assertThat(bar.y()).isGreaterThanOrEqualTo(previous);
				previous = bar.y() + 16;
			}
		}
		assertThat(chart.height()).isGreaterThanOrEqualTo(previous);
	}

	@Test
	void aPipelineWithNobodyYetDrawsEmptyBarsRatherThanDividingByZero() {
		BarChart chart = BarChart.of(List.of("A"), Pipeline.STAGES, List.of(new Pipeline.Counts(0, 0, 0, 0)));

		assertThat(chart.groups().get(0).bars()).allSatisfy((bar) -> assertThat(bar.width()).isEqualTo("0.00%"));
	}

}
