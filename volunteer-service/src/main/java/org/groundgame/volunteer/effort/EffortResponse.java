package org.groundgame.volunteer.effort;

import java.util.List;
import java.util.Map;

import org.groundgame.volunteer.effort.EffortService.ChapterEffort;
import org.groundgame.volunteer.effort.EffortService.EndorsementEffort;
import org.groundgame.volunteer.hours.Leaderboard;

/**
 * The effort behind one endorsement as the API shows it: the totals and the types over
 * the chapters in the answer, and each chapter's part.
 */
record EffortResponse(String endorsementId, Totals totals, List<TypeTotals> byType, List<ChapterPart> chapters) {

	static EffortResponse of(EndorsementEffort effort) {
		return new EffortResponse(effort.endorsementId(), Totals.of(effort.total()), TypeTotals.of(effort.byType()),
				effort.chapters().stream().map(ChapterPart::of).toList());
	}

	/**
	 * Counts and hours.
	 *
	 * @param shifts shifts not cancelled
	 * @param seats their capacity
	 * @param seatsFilled signups holding a seat (registered, confirmed, attended,
	 * no-show)
	 * @param attended signups recorded as attended
	 * @param noShows signups recorded as no-shows
	 * @param volunteers distinct volunteers who attended
	 * @param hours hours recorded for those who attended, to the hundredth
	 */
	record Totals(int shifts, int seats, int seatsFilled, int attended, int noShows, int volunteers, double hours) {

		static Totals of(Effort effort) {
			return new Totals(effort.shifts(), effort.seats(), effort.seatsFilled(), effort.attended(),
					effort.noShows(), effort.volunteers().size(), Leaderboard.round(effort.hours()));
		}

	}

	/** The same counts for one type of opportunity ({@code PHONE_BANK}, …). */
	record TypeTotals(String type, int shifts, int seats, int seatsFilled, int attended, int noShows, int volunteers,
			double hours) {

		static List<TypeTotals> of(Map<String, Effort> byType) {
			return byType.entrySet().stream().map((entry) -> {
				Totals totals = Totals.of(entry.getValue());
				return new TypeTotals(entry.getKey(), totals.shifts(), totals.seats(), totals.seatsFilled(),
						totals.attended(), totals.noShows(), totals.volunteers(), totals.hours());
			}).toList();
		}

	}

	/**
	 * One chapter's part.
	 *
	 * @param chapterId {@code null} for shifts no chapter organizes
	 * @param name {@code null} when no chapter of that id is registered
	 */
	record ChapterPart(String chapterId, String name, String state, Totals totals, List<TypeTotals> byType) {

		static ChapterPart of(ChapterEffort chapter) {
			return new ChapterPart(chapter.chapterId(), chapter.name(), chapter.state(), Totals.of(chapter.effort()),
					TypeTotals.of(chapter.byType()));
		}

	}

}
