package org.groundgame.endorsement.publicview;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.groundgame.endorsement.nomination.NominationDocument;
import org.groundgame.endorsement.nomination.NominationStore;
import org.groundgame.endorsement.nomination.Registry;
import org.groundgame.endorsement.nomination.domain.BallotPosition;
import org.groundgame.endorsement.nomination.domain.ElectionOutcome;
import org.groundgame.endorsement.nomination.domain.Endorsement;
import org.groundgame.endorsement.nomination.domain.EndorsementStatus;
import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.nomination.domain.StageOutcome;
import org.groundgame.endorsement.profile.CandidateProfiles;
import org.groundgame.endorsement.profile.PublicProfile;
import org.groundgame.endorsement.race.domain.Race;
import org.groundgame.endorsement.race.domain.RaceLevel;
import org.groundgame.endorsement.race.domain.RaceStage;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.support.geography.UsState;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * What the public reads: endorsements, the current races with their endorsed candidates,
 * and the tally of results, all computed from this service's own nominations.
 */
@Component
public class PublicViews {

	private final NominationStore search;

	private final Registry registry;

	private final Clock clock;

	private final CandidateProfiles profiles;

	PublicViews(NominationStore search, Registry registry, Clock clock, CandidateProfiles profiles) {
		this.search = search;
		this.registry = registry;
		this.clock = clock;
		this.profiles = profiles;
	}

	/**
	 * A page of endorsements with their candidates' approved profiles (one more read for
	 * the whole page).
	 */
	public Page<EndorsementView> endorsements(NominationStore.EndorsementFilter filter,
			NominationStore.EndorsementOrder order, int page, int size) {
		Page<Nomination> found = this.search.endorsements(filter, order, page, size)
			.map(NominationDocument::toNomination);
		Map<String, PublicProfile> approved = this.profiles
			.approved(found.getContent().stream().map(Nomination::candidateId).toList());
		return found.map((nomination) -> EndorsementView.of(nomination, approved));
	}

	/** One endorsement (or a command's result) as the public sees it. */
	public EndorsementView endorsement(Nomination nomination) {
		return EndorsementView.of(nomination, approvedProfiles(List.of(nomination)));
	}

	private Map<String, PublicProfile> approvedProfiles(List<Nomination> nominations) {
		return this.profiles.approved(nominations.stream().map(Nomination::candidateId).toList());
	}

	/**
	 * The races still ahead (election today or later) and not decided at their stage (no
	 * endorsed candidate won or lost it), that have an active endorsement: soonest first.
	 */
	Page<RaceWithEndorsed> currentRaces(UsState state, Integer cycle, RaceLevel level, int page, int size) {
		Map<String, List<Nomination>> byRace = new LinkedHashMap<>();
		for (NominationDocument document : this.search.allEndorsements(state, level, cycle, EndorsementStatus.ACTIVE)) {
			Nomination nomination = document.toNomination();
			if (nomination.race().id() != null) {
				byRace.computeIfAbsent(nomination.race().id(), (id) -> new ArrayList<>()).add(nomination);
			}
		}
		List<List<Nomination>> current = byRace.values()
			.stream()
			.filter((endorsed) -> isCurrent(endorsed.getFirst().race(), endorsed))
			.sorted(Comparator
				.<List<Nomination>, LocalDate>comparing((endorsed) -> endorsed.getFirst().race().electionDate())
				.thenComparing((endorsed) -> endorsed.getFirst().race().office())
				.thenComparing((endorsed) -> endorsed.getFirst().race().id()))
			.toList();
		int from = (int) Math.min((long) page * size, current.size());
		int to = Math.min(from + size, current.size());
		List<List<Nomination>> shown = current.subList(from, to);
		Map<String, PublicProfile> approved = approvedProfiles(shown.stream().flatMap(List::stream).toList());
		return new PageImpl<>(shown.stream()
			.map((endorsed) -> RaceWithEndorsed.of(endorsed.getFirst().race(), endorsed, approved))
			.toList(), PageRequest.of(page, size), current.size());
	}

	private boolean isCurrent(Race race, List<Nomination> endorsed) {
		return !race.hasPassed(this.clock) && endorsed.stream().noneMatch((nomination) -> {
			StageOutcome outcome = nomination.endorsement().outcomeOf(race.stage());
			return outcome != null && outcome.isFinal();
		});
	}

	/** A race, with whoever holds an active endorsement in it. */
	RaceWithEndorsed race(String raceId) {
		Race race = this.registry.race(raceId).orElseThrow(() -> new NotFoundException("race", raceId));
		List<Nomination> endorsed = this.search.endorsementsInRace(raceId)
			.stream()
			.map(NominationDocument::toNomination)
			.filter((nomination) -> nomination.endorsement().isActive())
			.toList();
		return RaceWithEndorsed.of(race, endorsed, approvedProfiles(endorsed));
	}

	/**
	 * What a list of endorsements can be filtered by, from the endorsements there are
	 * (with that status, narrowed by any filter given): their states, levels, offices
	 * (each once, case aside) and cycles, so that a page offers only choices that find
	 * something.
	 */
	public Facets facets(EndorsementStatus status, UsState state, RaceLevel level, Integer cycle) {
		java.util.SortedSet<String> states = new java.util.TreeSet<>();
		java.util.SortedSet<RaceLevel> levels = new java.util.TreeSet<>();
		Map<String, String> offices = new TreeMap<>();
		java.util.SortedSet<Integer> cycles = new java.util.TreeSet<>(Comparator.reverseOrder());
		for (NominationDocument document : this.search.allEndorsements(state, level, cycle, status)) {
			Race race = document.toNomination().race();
			states.add(race.state().code());
			levels.add(race.level());
			offices.putIfAbsent(race.office().toLowerCase(java.util.Locale.ROOT), race.office());
			cycles.add(race.cycle());
		}
		return new Facets(List.copyOf(states), List.copyOf(levels), List.copyOf(offices.values()), List.copyOf(cycles));
	}

	/**
	 * @param states two-letter codes, in order
	 * @param offices in alphabetical order, each once whatever its case
	 * @param cycles newest first
	 */
	public record Facets(List<String> states, List<RaceLevel> levels, List<String> offices, List<Integer> cycles) {
	}

	/**
	 * The standing endorsements counted by cycle and level: how many were endorsed, won,
	 * lost, advanced or await their result (by the outcome last recorded), and how many
	 * candidates (not measures) were elected.
	 */
	public Results results(Integer cycle, RaceLevel level, UsState state) {
		Map<String, Tally> tallies = new TreeMap<>();
		Tally total = new Tally(cycle, level);
		for (NominationDocument document : this.search.allEndorsements(state, level, cycle, EndorsementStatus.ACTIVE)) {
			Nomination nomination = document.toNomination();
			Tally tally = tallies.computeIfAbsent(nomination.race().cycle() + "|" + nomination.race().level(),
					(key) -> new Tally(nomination.race().cycle(), nomination.race().level()));
			tally.count(nomination);
			total.count(nomination);
		}
		List<Tally> ordered = new ArrayList<>(tallies.values());
		ordered.sort(Comparator.comparing(Tally::getCycle, Comparator.reverseOrder()).thenComparing(Tally::getLevel));
		return new Results(total, ordered);
	}

	/**
	 * @param total every group together
	 * @param byCycleAndLevel newest cycle first
	 */
	public record Results(Tally total, List<Tally> byCycleAndLevel) {
	}

	/** One group's counts; cycle or level {@code null} when it spans them. */
	static final class Tally {

		private final Integer cycle;

		private final RaceLevel level;

		private int endorsed;

		private int won;

		private int lost;

		private int advanced;

		private int awaiting;

		private int elected;

		Tally(Integer cycle, RaceLevel level) {
			this.cycle = cycle;
			this.level = level;
		}

		void count(Nomination nomination) {
			Endorsement endorsement = nomination.endorsement();
			this.endorsed++;
			ElectionOutcome outcome = endorsement.outcome();
			if (outcome == null) {
				this.awaiting++;
				return;
			}
			switch (outcome) {
				case WON -> {
					this.won++;
					if (nomination.candidate() != null) {
						this.elected++;
					}
				}
				case LOST -> this.lost++;
				case ADVANCED -> this.advanced++;
			}
		}

		public Integer getCycle() {
			return this.cycle;
		}

		public RaceLevel getLevel() {
			return this.level;
		}

		public int getEndorsed() {
			return this.endorsed;
		}

		public int getWon() {
			return this.won;
		}

		public int getLost() {
			return this.lost;
		}

		public int getAdvanced() {
			return this.advanced;
		}

		public int getAwaiting() {
			return this.awaiting;
		}

		/** Candidates who won: "helped elect N progressives". */
		public int getElected() {
			return this.elected;
		}

	}

	/** A race as the public sees it, with its endorsed candidates or positions. */
	record RaceWithEndorsed(String id, String office, RaceLevel level, String state, String district,
			String jurisdiction, LocalDate electionDate, int cycle, String ocdDivisionId, RaceStage stage,
			boolean ballotMeasure, List<Endorsed> candidates) {

		static RaceWithEndorsed of(Race race, List<Nomination> endorsed, Map<String, PublicProfile> profiles) {
			return new RaceWithEndorsed(race.id(), race.office(), race.level(), race.state().code(), race.district(),
					race.jurisdiction(), race.electionDate(), race.cycle(), race.ocdDivisionId(), race.stage(),
					race.ballotMeasure(),
					endorsed.stream()
						.sorted(Comparator.comparing(Nomination::nomineeName))
						.map((nomination) -> Endorsed.of(nomination, profiles))
						.toList());
		}

	}

	/**
	 * An endorsed candidate, or position on a measure ({@code name} "YES on …"), with
	 * what a card shows of their approved profile: {@code party} and {@code photo}, or
	 * {@code null}.
	 */
	record Endorsed(String endorsementId, String candidateId, String name, String website,
			BallotPosition.Position position, String party, PublicProfile.PhotoView photo) {

		static Endorsed of(Nomination nomination, Map<String, PublicProfile> profiles) {
			PublicProfile profile = (nomination.candidateId() != null) ? profiles.get(nomination.candidateId()) : null;
			return new Endorsed(nomination.endorsement().id(), nomination.candidateId(), nomination.nomineeName(),
					(nomination.candidate() != null) ? nomination.candidate().website() : null,
					(nomination.ballotPosition() != null) ? nomination.ballotPosition().position() : null,
					(profile != null) ? profile.party() : null, (profile != null) ? profile.photo() : null);
		}

	}

}
