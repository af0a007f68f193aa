package org.groundgame.support.consumer;

import java.time.Instant;
import java.util.Date;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Applies each event once per consumer, whatever Kafka redelivers. Insert-first: a record
 * of {@code (consumer, eventId)} is inserted under a unique key before the effect, and a
 * duplicate key means the event was seen before. Only a completed record makes the event
 * count as done: if the effect failed or the process died before completing it, the next
 * delivery runs it again, so nothing is lost (effects that must not repeat keep their own
 * key, such as an inbox entry keyed by event and recipient).
 */
public class ProcessedEvents {

	static final String COLLECTION = "processed_events";

	private final MongoTemplate mongo;

	public ProcessedEvents(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Runs the effect unless this consumer has already completed this event.
	 * @return whether the effect ran
	 */
	public boolean once(String consumer, String eventId, Runnable effect) {
		MongoCollection<Document> records = this.mongo.getCollection(COLLECTION);
		String key = consumer + "/" + eventId;
		try {
			records.insertOne(new Document("_id", key).append("consumer", consumer)
				.append("eventId", eventId)
				.append("completed", false)
				.append("receivedAt", Date.from(Instant.now())));
		}
		catch (RuntimeException ex) {
			if (!isDuplicateKey(ex)) {
				throw ex;
			}
			Document existing = records.find(Filters.eq("_id", key)).first();
			if (existing != null && Boolean.TRUE.equals(existing.getBoolean("completed"))) {
				return false;
			}
		}
		effect.run();
		records.updateOne(Filters.eq("_id", key),
				Updates.combine(Updates.set("completed", true), Updates.set("completedAt", Date.from(Instant.now()))));
		return true;
	}

	private boolean isDuplicateKey(RuntimeException ex) {
		RuntimeException translated = this.mongo.getExceptionTranslator().translateExceptionIfPossible(ex);
		return translated instanceof DuplicateKeyException;
	}

}
