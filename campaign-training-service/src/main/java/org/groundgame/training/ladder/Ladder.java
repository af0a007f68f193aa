package org.groundgame.training.ladder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The leadership ladder: how many volunteers climbed each rung, per chapter. The rungs,
 * each counted only for those on the one below (a ladder, not five separate counts):
 * <ol>
 * <li>{@code volunteered}: hours at a shift (more than zero, as last recorded);</li>
 * <li>{@code trained}: completed a cohort of the Campaign Leadership School — an
 * application or a seat alone is not the rung (a person's path shows those) — matched by
 * e-mail key;</li>
 * <li>{@code ran}: a candidacy the pipeline linked to them as a graduate (vouched for,
 * nominated since their training);</li>
 * <li>{@code endorsed}: such a candidacy holds an endorsement (granted, not
 * rescinded);</li>
 * <li>{@code won}: such a candidacy's current outcome is {@code WON}.</li>
 * </ol>
 * A volunteer counts in the chapter they belong to now; one without a chapter in a row of
 * their own ({@code chapterId} {@code null}).
 */
final class Ladder {

	private Ladder() {
	}

	/**
	 * @param volunteers the volunteers to count (those without hours count nowhere)
	 * @param reached how far up the school and the pipeline each e-mail key went
	 * @return one row per chapter with a volunteer who has hours, ordered by chapter id
	 * (no chapter last)
	 */
	static List<ChapterRungs> count(Collection<Volunteer> volunteers, Function<String, Climb> reached) {
		Map<String, Counter> chapters = new LinkedHashMap<>();
		volunteers.stream().filter(Volunteer::volunteered).forEach((volunteer) -> {
			Climb climb = (volunteer.emailKey() != null) ? reached.apply(volunteer.emailKey()) : null;
			chapters.computeIfAbsent(Objects.requireNonNullElse(volunteer.chapterId(), ""), (key) -> new Counter())
				.add(Objects.requireNonNullElse(climb, Climb.NONE));
		});
		List<ChapterRungs> rows = new ArrayList<>();
		chapters.forEach((chapterId, counter) -> rows
			.add(new ChapterRungs(chapterId.isEmpty() ? null : chapterId, counter.rungs())));
		rows.sort(Comparator.comparing(ChapterRungs::chapterId, Comparator.nullsLast(Comparator.naturalOrder())));
		return rows;
	}

	/** The rungs of several rows added up. */
	static Rungs total(Collection<ChapterRungs> rows) {
		Counter counter = new Counter();
		rows.forEach((row) -> counter.add(row.rungs()));
		return counter.rungs();
	}

	/**
	 * How far up one volunteer went past volunteering, each rung implying the one below.
	 */
	record Climb(boolean trained, boolean ran, boolean endorsed, boolean won) {

		static final Climb NONE = new Climb(false, false, false, false);

		Climb {
			ran = ran && trained;
			endorsed = endorsed && ran;
			won = won && ran;
		}

	}

	/** How many reached each rung. */
	record Rungs(long volunteered, long trained, long ran, long endorsed, long won) {

		static final Rungs NONE = new Rungs(0, 0, 0, 0, 0);

	}

	/** One chapter's row; {@code chapterId} {@code null} for volunteers without one. */
	record ChapterRungs(String chapterId, Rungs rungs) {
	}

	private static final class Counter {

		private long volunteered;

		private long trained;

		private long ran;

		private long endorsed;

		private long won;

		void add(Climb climb) {
			this.volunteered++;
			this.trained += climb.trained() ? 1 : 0;
			this.ran += climb.ran() ? 1 : 0;
			this.endorsed += climb.endorsed() ? 1 : 0;
			this.won += climb.won() ? 1 : 0;
		}

		void add(Rungs rungs) {
			this.volunteered += rungs.volunteered();
			this.trained += rungs.trained();
			this.ran += rungs.ran();
			this.endorsed += rungs.endorsed();
			this.won += rungs.won();
		}

		Rungs rungs() {
			return new Rungs(this.volunteered, this.trained, this.ran, this.endorsed, this.won);
		}

	}

}
