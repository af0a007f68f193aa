package org.groundgame.training.pipeline;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.groundgame.security.Caller;
import org.groundgame.training.cohort.Graduates;
import org.groundgame.training.cohort.Track;

import org.springframework.stereotype.Service;

/**
 * The people behind the pipeline's counts, for the school's staff: each graduate by name
 * (the school's own roster; nothing else of theirs), with their cohort and track and
 * whether they ran, were endorsed and won, as {@link PipelineReport} counts them.
 */
@Service
class PipelineGraduates {

	private final PipelineStore store;

	private final Graduates graduates;

	PipelineGraduates(PipelineStore store, Graduates graduates) {
		this.store = store;
		this.graduates = graduates;
	}

	/**
	 * @param cohortId one cohort's graduates, or {@code null} for all
	 * @param track one track's graduates, or {@code null} for all
	 * @param caller the school's staff
	 * @return the graduates, by cohort (first session, then id) and name
	 */
	List<Row> graduates(String cohortId, Track track, Caller caller) {
		caller.requireSchoolStaff();
		List<Graduate> all = this.store.graduates()
			.stream()
			.map(GraduateDocument::toGraduate)
			.filter((graduate) -> cohortId == null || cohortId.equals(graduate.cohortId()))
			.filter((graduate) -> track == null || track.name().equals(graduate.track()))
			.toList();
		Set<String> nominations = new HashSet<>();
		all.forEach((graduate) -> nominations.addAll(graduate.nominations()));
		Map<String, Candidacy> candidacies = candidacies(nominations);
		Map<String, String> names = this.graduates
			.names(all.stream().map(Graduate::cohortId).collect(Collectors.toSet()));
		return all.stream().map((graduate) -> PipelineReport.Outcome.of(graduate, candidacies)).map((outcome) -> {
			Graduate graduate = outcome.graduate();
			return new Row(graduate.enrollmentId(), graduate.cohortId(), graduate.cohortName(), graduate.track(),
					graduate.startsOn(), names.get(graduate.enrollmentId()), outcome.ran(), outcome.endorsed(),
					outcome.won());
		})
			.sorted(Comparator.comparing(Row::startsOn, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(Row::cohortId)
				.thenComparing(Row::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
				.thenComparing(Row::enrollmentId))
			.toList();
	}

	private Map<String, Candidacy> candidacies(Collection<String> nominationIds) {
		return this.store.candidacies(nominationIds)
			.stream()
			.map(CandidacyDocument::toCandidacy)
			.collect(Collectors.toMap(Candidacy::nominationId, Function.identity()));
	}

	/**
	 * One graduate of one cohort.
	 *
	 * @param name the graduate's name; {@code null} once erased
	 * @param ran whether a candidacy (vouched for) is linked to them
	 * @param endorsed whether a linked candidacy holds an endorsement now
	 * @param won whether a linked candidacy's current outcome is a win
	 */
	record Row(String enrollmentId, String cohortId, String cohortName, String track, LocalDate startsOn, String name,
			boolean ran, boolean endorsed, boolean won) {

		@Override
		public String toString() {
			return "Row[enrollmentId=" + this.enrollmentId + ", cohortId=" + this.cohortId + "]";
		}

	}

}
