package org.groundgame.training.pipeline;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.groundgame.training.pipeline.PipelineReport.Outcome;

import org.springframework.stereotype.Component;

/**
 * What the pipeline knows of people by e-mail key, for the leadership ladder (the
 * {@code ladder} package): whether they graduated, and whether a candidacy linked to them
 * — as the pipeline links them, vouched for and nominated since their training — was
 * endorsed and won. Keys in, keys never out.
 */
@Component
public class PipelineLinks {

	private final PipelineStore store;

	PipelineLinks(PipelineStore store) {
		this.store = store;
	}

	/**
	 * How far up the pipeline the people with these keys went, each counted once however
	 * many cohorts they completed.
	 * @return by e-mail key, for the keys of graduates only
	 */
	public Map<String, Reached> reachedBy(Collection<String> emailKeys) {
		List<Graduate> graduates = this.store.graduatesWithEmailKeys(Set.copyOf(emailKeys))
			.stream()
			.map(GraduateDocument::toGraduate)
			.toList();
		Set<String> nominations = new HashSet<>();
		graduates.forEach((graduate) -> nominations.addAll(graduate.nominations()));
		Map<String, Candidacy> candidacies = this.store.candidacies(nominations)
			.stream()
			.map(CandidacyDocument::toCandidacy)
			.collect(Collectors.toMap(Candidacy::nominationId, Function.identity()));
		Map<String, Reached> reached = new HashMap<>();
		graduates.stream()
			.map((graduate) -> Outcome.of(graduate, candidacies))
			.forEach((outcome) -> reached.merge(outcome.graduate().emailKey(),
					new Reached(outcome.ran(), outcome.endorsed(), outcome.won()), Reached::or));
		return reached;
	}

	/**
	 * One person's candidacies: those linked to them as a graduate, and those nominated
	 * with their address and vouched for (a chapter nominated, staff took it up or
	 * endorsed it) though not linked (nominated before their training, or they never
	 * graduated). A nomination anyone made without a token and nobody vouched for is left
	 * out: it says nothing of who runs.
	 * @return newest nomination first
	 */
	public List<PersonCandidacy> candidaciesOf(String emailKey) {
		Set<String> linked = this.store.graduatesWithEmailKeys(List.of(emailKey))
			.stream()
			.flatMap((graduate) -> graduate.getNominations().stream())
			.collect(Collectors.toSet());
		Map<String, CandidacyDocument> all = new LinkedHashMap<>();
		this.store.candidacies(linked).forEach((candidacy) -> all.put(candidacy.id(), candidacy));
		this.store.candidaciesWithEmailKey(emailKey)
			.stream()
			.filter((candidacy) -> candidacy.toCandidacy().linkable())
			.forEach((candidacy) -> all.putIfAbsent(candidacy.id(), candidacy));
		return all.values()
			.stream()
			.filter((candidacy) -> candidacy.submittedAt() != null)
			.sorted(Comparator.comparing(CandidacyDocument::submittedAt).reversed())
			.map((document) -> {
				Candidacy candidacy = document.toCandidacy();
				CandidacyDocument.RaceEntry race = document.race();
				return new PersonCandidacy(document.id(), linked.contains(document.id()),
						(race != null) ? new Race(race.office(), race.level(), race.state(), race.district(),
								race.jurisdiction(), race.electionDate()) : null,
						candidacy.endorsed(), candidacy.rescinded(), candidacy.outcome());
			})
			.toList();
	}

	/** What became of a graduate's linked candidacies. */
	public record Reached(boolean ran, boolean endorsed, boolean won) {

		Reached or(Reached other) {
			return new Reached(this.ran || other.ran, this.endorsed || other.endorsed, this.won || other.won);
		}

	}

	/**
	 * A person's candidacy.
	 *
	 * @param linked whether the pipeline linked it to them as a graduate (nominated since
	 * their training)
	 * @param race the race, or {@code null} while its nomination is not known
	 * @param endorsed whether an endorsement was granted
	 * @param rescinded whether it was rescinded since
	 * @param outcome the current outcome ({@code WON}, {@code LOST}, {@code ADVANCED}),
	 * or {@code null}
	 */
	public record PersonCandidacy(String nominationId, boolean linked, Race race, boolean endorsed, boolean rescinded,
			String outcome) {
	}

	public record Race(String office, String level, String state, String district, String jurisdiction,
			LocalDate electionDate) {
	}

}
