package org.groundgame.identity.chapter;

import org.groundgame.events.volunteer.ChapterRegistered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The chapters registered with volunteer-service, from its {@code ChapterRegistered}
 * events, so that a client is made only for a chapter that exists (no service calls
 * another). Applying an event again changes nothing: each chapter is one document keyed
 * by its id, created if absent.
 */
@Service
public class ChapterProjection implements RegisteredChapters {

	private static final Logger log = LoggerFactory.getLogger(ChapterProjection.class);

	private final MongoTemplate mongo;

	ChapterProjection(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	void chapterRegistered(ChapterRegistered event) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(event.chapterId())),
				new Update().setOnInsert("registeredAt", event.occurredAt()), ChapterDocument.class);
		log.info("Chapter {} is registered (event {})", event.chapterId(), event.eventId());
	}

	@Override
	public boolean isRegistered(String chapterId) {
		return chapterId != null
				&& this.mongo.exists(Query.query(Criteria.where("_id").is(chapterId)), ChapterDocument.class);
	}

}
