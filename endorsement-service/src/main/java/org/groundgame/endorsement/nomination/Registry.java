package org.groundgame.endorsement.nomination;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.groundgame.endorsement.candidate.CandidateDocument;
import org.groundgame.endorsement.candidate.CandidateStore;
import org.groundgame.endorsement.candidate.domain.Candidate;
import org.groundgame.endorsement.race.RaceDocument;
import org.groundgame.endorsement.race.RaceStore;
import org.groundgame.endorsement.race.domain.Race;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Races and candidates, each stored once under a unique natural key: find it, else insert
 * it, and when a concurrent request inserted it first (the duplicate-key error) read
 * theirs. No check-then-insert race can make two.
 */
@Component
public class Registry {

	private final RaceStore races;

	private final CandidateStore candidates;

	private final Clock clock;

	Registry(RaceStore races, CandidateStore candidates, Clock clock) {
		this.races = races;
		this.candidates = candidates;
		this.clock = clock;
	}

	/** The stored race that is the same race as this one, stored now if new. */
	public Race race(Race race) {
		return findOrInsert(() -> this.races.findByNaturalKey(race.naturalKey()),
				() -> RaceDocument.of(UUID.randomUUID().toString(), race, this.clock.instant()), this.races::insert)
			.toRace();
	}

	public Optional<Race> race(String raceId) {
		return this.races.find(raceId).map(RaceDocument::toRace);
	}

	/** The id of the candidate who is this person, stored now if new. */
	public String candidateId(Candidate candidate, String raceId) {
		return findOrInsert(() -> this.candidates.findByMatchKey(candidate.matchKey(raceId)),
				() -> new CandidateDocument(UUID.randomUUID().toString(), candidate.matchKey(raceId), candidate.name(),
						this.clock.instant()),
				this.candidates::insert)
			.getId();
	}

	private static <T> T findOrInsert(Supplier<Optional<T>> find, Supplier<T> create, UnaryOperator<T> insert) {
		Optional<T> found = find.get();
		if (found.isPresent()) {
			return found.get();
		}
		try {
			return insert.apply(create.get());
		}
		catch (DuplicateKeyException ex) {
			return find.get().orElseThrow(() -> ex);
		}
	}

}
