package org.groundgame.training.pipeline;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The candidate pipeline: how many the school trained, and of them how many ran for
 * office, were endorsed and won, in all, per cohort and per track.
 * <p>
 * A graduate ran when a candidacy is linked to them, was endorsed when a linked candidacy
 * holds an endorsement (granted, not rescinded), and won when a linked candidacy's
 * current outcome is {@code WON}. Each row counts people once: a person who completed two
 * cohorts is one person in the totals (and in a track they took twice), one in each
 * cohort's row, and counts as having run, been endorsed or won if any of their
 * enrollments did. People are told apart by e-mail key, else by enrollment (so an erased
 * graduate of two cohorts counts twice in the totals).
 */
record PipelineReport(Counts total, List<CohortRow> cohorts, List<TrackRow> tracks) {

	static PipelineReport of(Collection<Graduate> graduates, Map<String, Candidacy> candidacies) {
		List<Outcome> outcomes = graduates.stream().map((graduate) -> Outcome.of(graduate, candidacies)).toList();
		List<CohortRow> cohorts = outcomes.stream()
			.collect(Collectors.groupingBy((outcome) -> outcome.graduate().cohortId(), LinkedHashMap::new,
					Collectors.toList()))
			.values()
			.stream()
			.map((rows) -> {
				Graduate first = rows.get(0).graduate();
				return new CohortRow(first.cohortId(), first.cohortName(), first.track(), first.startsOn(),
						Counts.of(rows));
			})
			.sorted(Comparator.comparing(CohortRow::startsOn, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(CohortRow::cohortId))
			.toList();
		List<TrackRow> tracks = outcomes.stream()
			.collect(Collectors.groupingBy((outcome) -> outcome.graduate().track()))
			.entrySet()
			.stream()
			.map((entry) -> new TrackRow(entry.getKey(), Counts.of(entry.getValue())))
			.sorted(Comparator.comparing(TrackRow::track))
			.toList();
		return new PipelineReport(Counts.of(outcomes), cohorts, tracks);
	}

	/** How many people were trained, ran, were endorsed and won. */
	record Counts(long trained, long ran, long endorsed, long won) {

		/** Counts the people among these outcomes once each. */
		static Counts of(List<Outcome> outcomes) {
			Map<String, Outcome> people = outcomes.stream()
				.collect(Collectors.toMap((outcome) -> outcome.graduate().personKey(), Function.identity(), Outcome::or,
						LinkedHashMap::new));
			return new Counts(people.size(), people.values().stream().filter(Outcome::ran).count(),
					people.values().stream().filter(Outcome::endorsed).count(),
					people.values().stream().filter(Outcome::won).count());
		}

	}

	record CohortRow(String cohortId, String name, String track, LocalDate startsOn, Counts counts) {
	}

	record TrackRow(String track, Counts counts) {
	}

	/** What became of one graduate's candidacies. */
	record Outcome(Graduate graduate, boolean ran, boolean endorsed, boolean won) {

		static Outcome of(Graduate graduate, Map<String, Candidacy> candidacies) {
			List<Candidacy> linked = graduate.nominations()
				.stream()
				.map(candidacies::get)
				.filter((candidacy) -> candidacy != null && candidacy.submitted())
				.toList();
			return new Outcome(graduate, !linked.isEmpty(), linked.stream().anyMatch(Candidacy::endorsedNow),
					linked.stream().anyMatch(Candidacy::won));
		}

		/** The same person's two enrollments: what either achieved. */
		Outcome or(Outcome other) {
			return new Outcome(this.graduate, this.ran || other.ran, this.endorsed || other.endorsed,
					this.won || other.won);
		}

	}

}
