package org.groundgame.endorsement.nomination;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.groundgame.endorsement.nomination.domain.Candidate;
import org.groundgame.endorsement.nomination.domain.Race;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Races and candidates, each stored once under a unique natural key: find it, else insert
 * it, and when a concurrent request inserted it first (the duplicate-key error) read
 * theirs. No check-then-insert race can make two.
 */
@Component
class Registry {

	private final MongoTemplate mongo;

	private final Clock clock;

	Registry(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** The stored race that is the same race as this one, stored now if new. */
	Race race(Race race) {
		Query byKey = Query.query(Criteria.where("naturalKey").is(race.naturalKey()));
		return findOrInsert(() -> this.mongo.findOne(byKey, RaceDocument.class),
				() -> RaceDocument.of(UUID.randomUUID().toString(), race, this.clock.instant()))
			.toRace();
	}

	Optional<Race> race(String raceId) {
		return Optional.ofNullable(this.mongo.findById(raceId, RaceDocument.class)).map(RaceDocument::toRace);
	}

	/** The id of the candidate who is this person, stored now if new. */
	String candidateId(Candidate candidate, String raceId) {
		Query byKey = Query.query(Criteria.where("matchKey").is(candidate.matchKey(raceId)));
		return findOrInsert(() -> this.mongo.findOne(byKey, CandidateDocument.class),
				() -> new CandidateDocument(UUID.randomUUID().toString(), candidate.matchKey(raceId), candidate.name(),
						this.clock.instant()))
			.getId();
	}

	private <T> T findOrInsert(Supplier<T> find, Supplier<T> create) {
		T found = find.get();
		if (found != null) {
			return found;
		}
		try {
			return this.mongo.insert(create.get());
		}
		catch (DuplicateKeyException ex) {
			T theirs = find.get();
			if (theirs == null) {
				throw ex;
			}
			return theirs;
		}
	}

}
