package org.groundgame.web.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts as horizontal bars, drawn by the server as SVG (no chart library, no script, no
 * inline style: positions are SVG attributes, colours the stylesheet's classes, one per
 * key). Each group (a track, a cohort, a chapter) has a bar per key (a stage of the
 * pipeline, a rung of the ladder), scaled to the largest number of the chart so that
 * groups compare. The table beside a chart is its text alternative.
 *
 * @param height the drawing's height, in pixels
 * @param groups the groups of bars, top to bottom
 */
public record BarChart(int height, List<Group> groups) {

	static final int GROUP_LABEL = 28;

	static final int ROW = 24;

	static final int GAP = 12;

	/** Where bars start, in percent of the width (the keys' names are left of it). */
	static final double BARS_FROM = 28;

	/** The widest bar, in percent of the width (its number is right of it). */
	static final double BARS_WIDTH = 60;

	/**
	 * @param labels each group's label, in order
	 * @param keys the bars of every group, in order
	 * @param counts each group's counts, in the same order as the labels
	 * @return the chart
	 */
	public static BarChart of(List<String> labels, List<String> keys, List<? extends Counts> counts) {
		long max = 1;
		for (Counts row : counts) {
			for (String key : keys) {
				max = Math.max(max, row.of(key));
			}
		}
		List<Group> groups = new ArrayList<>();
		int y = 0;
		for (int i = 0; i < labels.size(); i++) {
			int labelY = y + 18;
			y += GROUP_LABEL;
			List<Bar> bars = new ArrayList<>();
			for (String key : keys) {
				long value = counts.get(i).of(key);
				double width = BARS_WIDTH * value / max;
				bars.add(new Bar(key, value, y + 2, y + 15, percent(BARS_FROM), percent(width),
						percent(BARS_FROM + width + 1)));
				y += ROW;
			}
			y += GAP;
			groups.add(new Group(labels.get(i), labelY, bars));
		}
		return new BarChart(Math.max(y, 1), groups);
	}

	private static String percent(double value) {
		return String.format(Locale.ROOT, "%.2f%%", value);
	}

	/** A group's numbers, by key. */
	@FunctionalInterface
	public interface Counts {

		/**
		 * @throws IllegalArgumentException for a key the counts do not have
		 */
		long of(String key);

	}

	/**
	 * A group of bars.
	 *
	 * @param label what the group counts (a track, a cohort, a chapter)
	 * @param labelY the label's baseline
	 * @param bars one per key
	 */
	public record Group(String label, int labelY, List<Bar> bars) {

	}

	/**
	 * One key's bar.
	 *
	 * @param key what it counts, e.g. {@code trained}; also its style class
	 * @param value how many
	 * @param y the bar's top
	 * @param textY the baseline of its texts
	 * @param x where the bar starts
	 * @param width the bar's width (0% for none)
	 * @param valueX where its number is written
	 */
	public record Bar(String key, long value, int y, int textY, String x, String width, String valueX) {

	}

}
