package org.groundgame.endorsement.race;

import java.util.Optional;

import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Where races are kept, once per race under their unique natural key. A race is inserted
 * once and never changes.
 */
@Component
public class RaceStore {

	private final MongoTemplate mongo;

	RaceStore(MongoTemplate mongo) {
		this.mongo = mongo;
		IndexOperations indexes = mongo.indexOps(RaceDocument.class);
		indexes.createIndex(new Index().on("naturalKey", Sort.Direction.ASC).named("naturalKey").unique());
		CompoundIndexDefinition byDate = new CompoundIndexDefinition(
				new Document("state", 1).append("cycle", 1).append("electionDate", 1));
		byDate.named("state_cycle_date");
		indexes.createIndex(byDate);
	}

	public Optional<RaceDocument> find(String raceId) {
		return Optional.ofNullable(this.mongo.findById(raceId, RaceDocument.class));
	}

	public Optional<RaceDocument> findByNaturalKey(String naturalKey) {
		return Optional.ofNullable(
				this.mongo.findOne(Query.query(Criteria.where("naturalKey").is(naturalKey)), RaceDocument.class));
	}

	/**
	 * Inserts a new race.
	 * @throws org.springframework.dao.DuplicateKeyException when one with the same
	 * natural key is there
	 */
	public RaceDocument insert(RaceDocument race) {
		return this.mongo.insert(race);
	}

}
