package org.groundgame.notification.delivery;

import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The store of what is kept for the chapters' daily digests ({@code digest_items}): the
 * only class that knows the collection and its queries. An item waits with no
 * {@code digestId} until a digest takes it, or {@link Digests#NOT_SENT} marks it kept for
 * nothing.
 */
@Repository
class DigestStore {

	private final MongoTemplate mongo;

	DigestStore(MongoTemplate mongo) {
		this.mongo = mongo;
		createIndexes(mongo.indexOps(DigestItemDocument.class));
	}

	/**
	 * The indexes of the collection, as its document declared them before (same names,
	 * keys and options, so that a deployment's existing indexes are the same ones).
	 */
	private static void createIndexes(IndexOperations indexes) {
		indexes.createIndex(new CompoundIndexDefinition(
				new org.bson.Document("chapterId", 1).append("digestId", 1).append("collectedAt", 1))
			.named("waiting_by_chapter"));
		indexes.createIndex(new CompoundIndexDefinition(new org.bson.Document("subjectId", 1)).named("by_subject"));
		indexes.createIndex(new CompoundIndexDefinition(new org.bson.Document("personalDataSubject", 1))
			.named("by_personal_data_subject"));
	}

	/** Keeps an item; keeping it again (the same id) changes nothing. */
	void keep(DigestItemDocument item) {
		try {
			this.mongo.insert(item);
		}
		catch (DuplicateKeyException ex) {
			// Kept already: Kafka redelivered the event.
		}
	}

	/** The chapters with items kept until then and in no digest yet. */
	List<String> chaptersWaiting(Instant until) {
		Query waiting = Query.query(Criteria.where("digestId").is(null).and("collectedAt").lte(until));
		return this.mongo.findDistinct(waiting, "chapterId", DigestItemDocument.class, String.class);
	}

	/** Marks the chapter's items kept until then, and in no digest yet, with a digest. */
	void assign(String chapterId, Instant until, String digestId) {
		this.mongo.updateMulti(Query
			.query(Criteria.where("chapterId").is(chapterId).and("digestId").is(null).and("collectedAt").lte(until)),
				Update.update("digestId", digestId), DigestItemDocument.class);
	}

	/** The items of one digest, oldest first. */
	List<DigestItemDocument> itemsOf(String digestId) {
		return this.mongo.find(Query.query(Criteria.where("digestId").is(digestId)).with(Sort.by("occurredAt", "_id")),
				DigestItemDocument.class);
	}

	/** The digests that hold items about someone (their subject, or naming them). */
	List<String> digestsAbout(String subjectId) {
		return this.mongo.findDistinct(about(subjectId), "digestId", DigestItemDocument.class, String.class);
	}

	/**
	 * Forgets the items about someone.
	 * @return how many were forgotten
	 */
	long forgetAbout(String subjectId) {
		return this.mongo.remove(about(subjectId), DigestItemDocument.class).getDeletedCount();
	}

	/** Puts the items of a digest back, to wait for the chapter's next one. */
	void release(String digestId) {
		this.mongo.updateMulti(Query.query(Criteria.where("digestId").is(digestId)), Update.update("digestId", null),
				DigestItemDocument.class);
	}

	private static Query about(String subjectId) {
		return Query.query(new Criteria().orOperator(Criteria.where("subjectId").is(subjectId),
				Criteria.where("personalDataSubject").is(subjectId)));
	}

}
