package org.groundgame.web.console.school;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pipeline as horizontal bars, drawn by the server as SVG (no chart library, no
 * script, no inline style: positions are SVG attributes, colours the stylesheet's
 * classes). Each group (a track, a cohort) has a bar per stage, scaled to the largest
 * number of the chart so that groups compare. The table beside it is its text
 * alternative.
 *
 * @param height the drawing's height, in pixels
 * @param groups the groups of bars, top to bottom
 */
public record PipelineChart(int height, List<Group> groups) {

	static final int GROUP_LABEL = 28;

	static final int ROW = 24;

	static final int GAP = 12;

	/** Where bars start, in percent of the width (stage names are left of it). */
	static final double BARS_FROM = 28;

	/** The widest bar, in percent of the width (its number is right of it). */
	static final double BARS_WIDTH = 60;

	/**
	 * @param labels each group's label, in order
	 * @param counts each group's counts, in the same order
	 * @return the chart
	 */
	static PipelineChart of(List<String> labels, List<Pipeline.Counts> counts) {
		long max = 1;
		for (Pipeline.Counts row : counts) {
			for (String stage : Pipeline.STAGES) {
				max = Math.max(max, row.of(stage));
			}
		}
		List<Group> groups = new ArrayList<>();
		int y = 0;
		for (int i = 0; i < labels.size(); i++) {
			int labelY = y + 18;
			y += GROUP_LABEL;
			List<Bar> bars = new ArrayList<>();
			for (String stage : Pipeline.STAGES) {
				long value = counts.get(i).of(stage);
				double width = BARS_WIDTH * value / max;
				bars.add(new Bar(stage, value, y + 2, y + 15, percent(BARS_FROM), percent(width),
						percent(BARS_FROM + width + 1)));
				y += ROW;
			}
			y += GAP;
			groups.add(new Group(labels.get(i), labelY, bars));
		}
		return new PipelineChart(Math.max(y, 1), groups);
	}

	private static String percent(double value) {
		return String.format(Locale.ROOT, "%.2f%%", value);
	}

	/**
	 * A group of bars.
	 *
	 * @param label what the group counts (a track, a cohort)
	 * @param labelY the label's baseline
	 * @param bars one per stage
	 */
	public record Group(String label, int labelY, List<Bar> bars) {

	}

	/**
	 * One stage's bar.
	 *
	 * @param stage {@code trained}, {@code ran}, {@code endorsed} or {@code won}
	 * @param value how many
	 * @param y the bar's top
	 * @param textY the baseline of its texts
	 * @param x where the bar starts
	 * @param width the bar's width (0% for none)
	 * @param valueX where its number is written
	 */
	public record Bar(String stage, long value, int y, int textY, String x, String width, String valueX) {

	}

}
