package org.groundgame.notification.people;

import java.time.Instant;
import java.util.Optional;

import org.groundgame.notification.people.domain.Tombstones;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The tombstones of erased people, one document per person in {@code people_erased}. */
@Repository
class TombstoneStore implements Tombstones {

	private final MongoTemplate mongo;

	TombstoneStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** One atomic upsert that keeps the later time: safe to repeat, in any order. */
	@Override
	public void erased(String personId, Instant erasedAt) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(personId)), new Update().max("erasedAt", erasedAt),
				TombstoneDocument.class);
	}

	@Override
	public Optional<Instant> erasedAt(String personId) {
		return Optional.ofNullable(this.mongo.findById(personId, TombstoneDocument.class))
			.map(TombstoneDocument::erasedAt);
	}

}
