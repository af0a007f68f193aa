package org.groundgame.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import com.mongodb.MongoBulkWriteException;
import org.groundgame.notification.batch.Batches;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Which chapters' webhooks were sent whose personal data, in which events
 * ({@code webhook_personal_data}): written before each attempt that carries a person's
 * data, read and forgotten when the person is erased.
 */
@Repository
class PersonalDataSentStore implements DisposableBean {

	private static final int DUPLICATE_KEY = 11000;

	private final MongoTemplate mongo;

	/**
	 * Records written, those the webhook workers write at the same moment in one bulk
	 * insert.
	 */
	private final Batches<PersonalDataSentDocument, Boolean> records;

	PersonalDataSentStore(MongoTemplate mongo) {
		this.mongo = mongo;
		createIndexes(mongo.indexOps(PersonalDataSentDocument.class));
		this.records = new Batches<>("personal-data-sent", 128, this::insert);
	}

	/**
	 * The indexes of the collection, as its document declared them before (same names,
	 * keys and options, so that a deployment's existing indexes are the same ones).
	 */
	private static void createIndexes(IndexOperations indexes) {
		indexes.createIndex(new CompoundIndexDefinition(new org.bson.Document("subjectId", 1)).named("by_subject"));
	}

	/**
	 * Remembers that the chapter's webhook is being sent an event carrying the record's
	 * personal data; remembering it again changes nothing. The records that other workers
	 * write at the same moment go in the same write ({@link Batches}); it is written when
	 * this returns.
	 * @return the record's id
	 */
	String sending(String chapterId, String subjectId, String eventId, String eventType, Instant at) {
		String id = UUID
			.nameUUIDFromBytes((chapterId + "\n" + subjectId + "\n" + eventId).getBytes(StandardCharsets.UTF_8))
			.toString();
		this.records.submit(new PersonalDataSentDocument(id, chapterId, subjectId, eventId, eventType, at));
		return id;
	}

	/**
	 * Inserts the records not there yet: one unordered bulk insert, in which a record
	 * there already (sent before: an earlier attempt, a retry or a replay) changes
	 * nothing and holds up none of the others.
	 */
	private List<Boolean> insert(List<PersonalDataSentDocument> documents) {
		try {
			if (documents.size() == 1) {
				this.mongo.insert(documents.get(0));
			}
			else {
				this.mongo.bulkOps(BulkMode.UNORDERED, PersonalDataSentDocument.class).insert(documents).execute();
			}
		}
		catch (BulkOperationException ex) {
			if (ex.getErrors().stream().anyMatch((error) -> error.getCode() != DUPLICATE_KEY)) {
				throw ex;
			}
		}
		catch (DuplicateKeyException ex) {
			if (ex.getCause() instanceof MongoBulkWriteException bulk
					&& bulk.getWriteErrors().stream().anyMatch((error) -> error.getCode() != DUPLICATE_KEY)) {
				throw ex;
			}
		}
		return Collections.nCopies(documents.size(), Boolean.TRUE);
	}

	/** What was sent of these personal records, to whom, oldest first. */
	List<PersonalDataSentDocument> of(Collection<String> subjectIds) {
		return this.mongo.find(
				Query.query(Criteria.where("subjectId").in(subjectIds)).with(Sort.by("firstSentAt", "_id")),
				PersonalDataSentDocument.class);
	}

	/** Forgets what was sent of these personal records (their person was erased). */
	void forget(Collection<String> subjectIds) {
		this.mongo.remove(Query.query(Criteria.where("subjectId").in(subjectIds)), PersonalDataSentDocument.class);
	}

	/** Forgets one record (the attempt it was written for did not go out). */
	void forget(String id) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(id)), PersonalDataSentDocument.class);
	}

	/** Ends the batches' threads (the application stops). */
	@Override
	public void destroy() {
		this.records.close();
	}

}
