package org.groundgame.volunteer.hours;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Ranks volunteers or chapters by hours. Equal hours share a rank; among them the order
 * is by shifts (more first), then name, so that the order is the same on every request.
 */
public final class Leaderboard {

	private Leaderboard() {
	}

	/**
	 * @param entries in any order
	 * @param hours an entry's hours, already {@link #round rounded}
	 * @param within the order among equal hours
	 * @return every entry, ranked, best first
	 */
	public static <T> List<Ranked<T>> rank(List<T> entries, ToDoubleFunction<T> hours, Comparator<T> within) {
		List<T> sorted = new ArrayList<>(entries);
		sorted.sort(Comparator.comparingDouble(hours).reversed().thenComparing(within));
		List<Ranked<T>> ranked = new ArrayList<>(sorted.size());
		int rank = 0;
		for (int i = 0; i < sorted.size(); i++) {
			if (i == 0 || Double.compare(hours.applyAsDouble(sorted.get(i)),
					hours.applyAsDouble(sorted.get(i - 1))) != 0) {
				rank = i + 1;
			}
			ranked.add(new Ranked<>(rank, sorted.get(i)));
		}
		return ranked;
	}

	/**
	 * Hours as shown and compared: to the hundredth, so that sums of fractions (0.1 +
	 * 0.2) tie where people would expect them to.
	 */
	public static double round(double hours) {
		return BigDecimal.valueOf(hours).setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

	/** Names in alphabetical order without regard to case; an unknown name last. */
	public static Comparator<String> byName() {
		return Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER);
	}

}
