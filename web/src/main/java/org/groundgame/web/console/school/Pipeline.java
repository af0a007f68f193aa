package org.groundgame.web.console.school;

import java.time.LocalDate;
import java.util.List;

import org.groundgame.web.console.BarChart;

/**
 * The candidate pipeline as campaign-training-service reports it: how many graduates were
 * trained, ran, were endorsed and won, in all, per cohort and per track.
 */
public record Pipeline(long trained, long ran, long endorsed, long won, List<CohortCounts> cohorts,
		List<TrackCounts> tracks) {

	/** The pipeline's stages, in order. */
	public static final List<String> STAGES = List.of("trained", "ran", "endorsed", "won");

	public Pipeline {
		cohorts = (cohorts != null) ? cohorts : List.of();
		tracks = (tracks != null) ? tracks : List.of();
	}

	public Counts totals() {
		return new Counts(this.trained, this.ran, this.endorsed, this.won);
	}

	/** How many reached each stage. */
	public record Counts(long trained, long ran, long endorsed, long won) implements BarChart.Counts {

		@Override
		public long of(String stage) {
			return switch (stage) {
				case "trained" -> this.trained;
				case "ran" -> this.ran;
				case "endorsed" -> this.endorsed;
				case "won" -> this.won;
				default -> throw new IllegalArgumentException("No stage " + stage);
			};
		}

	}

	public record CohortCounts(String cohortId, String name, String track, LocalDate startsOn, long trained, long ran,
			long endorsed, long won) {

		public Counts counts() {
			return new Counts(this.trained, this.ran, this.endorsed, this.won);
		}

	}

	public record TrackCounts(String track, long trained, long ran, long endorsed, long won) {

		public Counts counts() {
			return new Counts(this.trained, this.ran, this.endorsed, this.won);
		}

	}

	/**
	 * One graduate behind the counts: their name (none once erased), cohort and track,
	 * and how far they went.
	 */
	public record Graduate(String enrollmentId, String cohortId, String cohortName, String track, LocalDate startsOn,
			String name, boolean ran, boolean endorsed, boolean won) {

		/** Whether they reached a stage of the pipeline. */
		public boolean reached(String stage) {
			return switch (stage) {
				case "trained" -> true;
				case "ran" -> this.ran;
				case "endorsed" -> this.endorsed;
				case "won" -> this.won;
				default -> false;
			};
		}

	}

	record Graduates(List<Graduate> graduates) {

		Graduates {
			graduates = (graduates != null) ? graduates : List.of();
		}

	}

}
