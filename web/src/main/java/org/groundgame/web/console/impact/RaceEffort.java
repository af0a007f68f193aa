package org.groundgame.web.console.impact;

import java.util.List;

/**
 * The volunteer effort behind one endorsement, as volunteer-service shows it to the
 * person signed in ({@code GET /api/opportunities/effort?endorsementId=}): national staff
 * get every chapter's part, a chapter organizer their own chapter's only, and the totals
 * are over the parts in the answer.
 *
 * @param chapters most hours first
 */
public record RaceEffort(String endorsementId, Totals totals, List<TypeTotals> byType, List<ChapterPart> chapters) {

	public RaceEffort {
		totals = (totals != null) ? totals : Totals.NONE;
		byType = (byType != null) ? byType : List.of();
		chapters = (chapters != null) ? chapters : List.of();
	}

	/**
	 * @param shifts shifts not cancelled
	 * @param seats their seats
	 * @param seatsFilled signups holding a seat
	 * @param attended signups recorded as attended
	 * @param noShows signups recorded as no-shows
	 * @param volunteers distinct volunteers who attended
	 * @param hours hours recorded
	 */
	public record Totals(int shifts, int seats, int seatsFilled, int attended, int noShows, int volunteers,
			double hours) {

		public static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0);

	}

	/** The same for one type of opportunity ({@code PHONE_BANK}, …). */
	public record TypeTotals(String type, int shifts, int seats, int seatsFilled, int attended, int noShows,
			int volunteers, double hours) {

	}

	/**
	 * One chapter's part.
	 *
	 * @param chapterId {@code null} for shifts no chapter organizes (national staff's)
	 */
	public record ChapterPart(String chapterId, String name, String state, Totals totals, List<TypeTotals> byType) {

		public ChapterPart {
			totals = (totals != null) ? totals : Totals.NONE;
			byType = (byType != null) ? byType : List.of();
		}

	}

	/**
	 * What {@code GET /api/opportunities/effort/endorsements} answers: each endorsement's
	 * totals (those without shifts left out).
	 */
	public record Summary(List<Entry> endorsements) {

		public Summary {
			endorsements = (endorsements != null) ? endorsements : List.of();
		}

		public record Entry(String endorsementId, Totals totals) {

		}

	}

}
