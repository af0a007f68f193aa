package org.groundgame.web.console.ladder;

import java.time.LocalDate;
import java.util.List;

import org.groundgame.web.api.PageOf;
import org.groundgame.web.console.BarChart;

/**
 * The leadership ladder as campaign-training-service reports it: per chapter, how many
 * volunteers (hours at a shift) went on to complete the school, ran for office, were
 * endorsed and won — each rung counted among those on the one below.
 *
 * @param total every row the caller may see, added up
 * @param content a page of chapters' rows
 * @param page where this page lies
 */
public record Ladder(Counts total, List<ChapterRow> content, PageOf.Metadata page) {

	/** The rungs, from the bottom. */
	public static final List<String> RUNGS = List.of("volunteered", "trained", "ran", "endorsed", "won");

	public Ladder {
		total = (total != null) ? total : new Counts(0, 0, 0, 0, 0);
		content = (content != null) ? content : List.of();
		page = (page != null) ? page : new PageOf.Metadata(0, content.size(), content.size(), 1);
	}

	/** The rows as a page, for the pager. */
	public PageOf<ChapterRow> rows() {
		return new PageOf<>(this.content, this.page);
	}

	/** How many reached each rung. */
	public record Counts(long volunteered, long trained, long ran, long endorsed, long won) implements BarChart.Counts {

		@Override
		public long of(String rung) {
			return switch (rung) {
				case "volunteered" -> this.volunteered;
				case "trained" -> this.trained;
				case "ran" -> this.ran;
				case "endorsed" -> this.endorsed;
				case "won" -> this.won;
				default -> throw new IllegalArgumentException("No rung " + rung);
			};
		}

	}

	/**
	 * @param chapterId the chapter, or {@code null} for volunteers without one
	 */
	public record ChapterRow(String chapterId, Counts counts) {
	}

	/**
	 * One person's path: the rungs they reached, and what is behind each.
	 */
	public record Path(Reached reached, List<Volunteering> volunteering, List<Enrollment> enrollments,
			List<Candidacy> candidacies) {

		public Path {
			reached = (reached != null) ? reached : new Reached(false, false, false, false, false);
			volunteering = (volunteering != null) ? volunteering : List.of();
			enrollments = (enrollments != null) ? enrollments : List.of();
			candidacies = (candidacies != null) ? candidacies : List.of();
		}

		/** Whether nothing at all is known of the address. */
		public boolean isEmpty() {
			return this.volunteering.isEmpty() && this.enrollments.isEmpty() && this.candidacies.isEmpty();
		}

		public double hours() {
			return this.volunteering.stream().mapToDouble(Volunteering::hours).sum();
		}

	}

	public record Reached(boolean volunteered, boolean trained, boolean ran, boolean endorsed, boolean won) {

		public boolean of(String rung) {
			return switch (rung) {
				case "volunteered" -> this.volunteered;
				case "trained" -> this.trained;
				case "ran" -> this.ran;
				case "endorsed" -> this.endorsed;
				case "won" -> this.won;
				default -> false;
			};
		}

	}

	/**
	 * @param shifts how many shifts they attended
	 */
	public record Volunteering(String volunteerId, String chapterId, double hours, int shifts) {
	}

	public record Enrollment(String enrollmentId, String cohortId, String cohortName, String track, LocalDate startsOn,
			String status, String chapterId) {
	}

	/**
	 * @param linked whether it counts on the ladder (linked to them as a graduate)
	 * @param outcome {@code WON}, {@code LOST}, {@code ADVANCED} or {@code null}
	 */
	public record Candidacy(String nominationId, boolean linked, Race race, boolean endorsed, boolean rescinded,
			String outcome) {
	}

	public record Race(String office, String level, String state, String district, String jurisdiction,
			LocalDate electionDate) {
	}

}
