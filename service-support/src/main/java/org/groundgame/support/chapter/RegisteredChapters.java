package org.groundgame.support.chapter;

import java.time.Instant;

import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.events.volunteer.ChapterUpdated;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The chapters registered with the platform, as volunteer-service announces them
 * ({@code ChapterRegistered}, {@code ChapterUpdated}): a service's own projection (in its
 * own database, collection {@code chapters}), so that what it stores names only a chapter
 * that exists. It keeps each chapter's id and when it was first heard of, nothing more.
 * Applying an event again changes nothing: it is an upsert of the chapter's id.
 * <p>
 * A service that needs it declares it as a bean and feeds it from its consumer of the
 * volunteer topic:
 * {@code consumers.named(…).on(ChapterRegistered.class, chapters::registered).on(ChapterUpdated.class, chapters::updated)}.
 * It lags volunteer-service by the time an event takes to arrive (well under a second on
 * a healthy platform): a chapter registered a moment ago may be unknown until then.
 */
public class RegisteredChapters {

	private final MongoTemplate mongo;

	public RegisteredChapters(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Whether the id names a registered chapter. */
	public boolean isRegistered(String chapterId) {
		return chapterId != null
				&& this.mongo.exists(Query.query(Criteria.where("_id").is(chapterId)), RegisteredChapter.class);
	}

	public void registered(ChapterRegistered event) {
		record(event.chapterId(), event.occurredAt());
	}

	/** An update proves the chapter registered too, should its first event be lost. */
	public void updated(ChapterUpdated event) {
		record(event.chapterId(), event.occurredAt());
	}

	private void record(String chapterId, Instant occurredAt) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(chapterId)),
				new Update().setOnInsert("knownSince", occurredAt), RegisteredChapter.class);
	}

	/** A chapter's id, and when this service first heard of it. */
	@Document(RegisteredChapter.COLLECTION)
	record RegisteredChapter(@Id String id, Instant knownSince) {

		static final String COLLECTION = "chapters";

	}

}
