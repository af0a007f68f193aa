package org.groundgame.identity.chapter;

import java.time.Instant;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Where the chapter projection is kept ({@code chapters}): one document per chapter,
 * written by its id with an upsert, so that applying an event again changes nothing.
 */
@Component
class ChapterStore {

	private final MongoTemplate mongo;

	ChapterStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Records the chapter, unless it is recorded already (its first date stays). */
	void registered(String chapterId, Instant registeredAt) {
		this.mongo.upsert(byId(chapterId), new Update().setOnInsert("registeredAt", registeredAt),
				ChapterDocument.class);
	}

	boolean exists(String chapterId) {
		return this.mongo.exists(byId(chapterId), ChapterDocument.class);
	}

	private static Query byId(String chapterId) {
		return Query.query(Criteria.where("_id").is(chapterId));
	}

}
