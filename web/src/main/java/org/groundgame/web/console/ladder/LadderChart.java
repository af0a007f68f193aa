package org.groundgame.web.console.ladder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ladder as horizontal bars, drawn by the server as SVG as the pipeline's chart is
 * (no chart library, no script, no inline style): a group per chapter, a bar per rung,
 * scaled to the largest number of the chart. The table beside it is its text alternative.
 *
 * @param height the drawing's height, in pixels
 * @param groups the groups of bars, top to bottom
 */
public record LadderChart(int height, List<Group> groups) {

	static final int GROUP_LABEL = 28;

	static final int ROW = 24;

	static final int GAP = 12;

	/** Where bars start, in percent of the width (rung names are left of it). */
	static final double BARS_FROM = 28;

	/** The widest bar, in percent of the width (its number is right of it). */
	static final double BARS_WIDTH = 60;

	static LadderChart of(List<String> labels, List<Ladder.Counts> counts) {
		long max = 1;
		for (Ladder.Counts row : counts) {
			for (String rung : Ladder.RUNGS) {
				max = Math.max(max, row.of(rung));
			}
		}
		List<Group> groups = new ArrayList<>();
		int y = 0;
		for (int i = 0; i < labels.size(); i++) {
			int labelY = y + 18;
			y += GROUP_LABEL;
			List<Bar> bars = new ArrayList<>();
			for (String rung : Ladder.RUNGS) {
				long value = counts.get(i).of(rung);
				double width = BARS_WIDTH * value / max;
				bars.add(new Bar(rung, value, y + 2, y + 15, percent(BARS_FROM), percent(width),
						percent(BARS_FROM + width + 1)));
				y += ROW;
			}
			y += GAP;
			groups.add(new Group(labels.get(i), labelY, bars));
		}
		return new LadderChart(Math.max(y, 1), groups);
	}

	private static String percent(double value) {
		return String.format(Locale.ROOT, "%.2f%%", value);
	}

	/** A chapter's bars. */
	public record Group(String label, int labelY, List<Bar> bars) {

	}

	/** One rung's bar: its top, the baseline of its texts, where it starts and ends. */
	public record Bar(String rung, long value, int y, int textY, String x, String width, String valueX) {

	}

}
