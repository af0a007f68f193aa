package org.groundgame.notification.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import org.groundgame.notification.inbox.domain.InboxEntry;
import org.groundgame.notification.inbox.domain.Recipient;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Repository;

/**
 * The {@code inbox_entries} collection: the only class that knows it, its indexes and its
 * queries. An entry is inserted once per event and recipient (the unique index makes a
 * repeat a no-op), then only its {@code read} flag changes, by a targeted update; every
 * query is scoped by the recipient's key.
 */
@Repository
class InboxStore {

	private static final int DUPLICATE_KEY = 11000;

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));

	private static final Sort IN_DELIVERY_ORDER = Sort.by(Sort.Order.asc("deliveredAt"), Sort.Order.asc("id"));

	private final MongoTemplate mongo;

	InboxStore(MongoTemplate mongo) {
		this.mongo = mongo;
		createIndexes(mongo.indexOps(InboxEntryDocument.class));
	}

	/**
	 * The indexes of the collection, as its document declared them before (same names,
	 * keys and options, so that a deployment's existing indexes are the same ones). The
	 * unique one on (event, recipient) is what makes delivery exactly-once per recipient.
	 */
	private static void createIndexes(IndexOperations indexes) {
		indexes.createIndex(compound("one_entry_per_event_and_recipient",
				new org.bson.Document("eventId", 1).append("recipient", 1))
			.unique());
		indexes.createIndex(compound("inbox_newest_first",
				new org.bson.Document("recipient", 1).append("occurredAt", -1).append("_id", -1)));
		indexes.createIndex(compound("inbox_unread_newest_first",
				new org.bson.Document("recipient", 1).append("read", 1).append("occurredAt", -1).append("_id", -1)));
		indexes.createIndex(compound("inbox_in_delivery_order",
				new org.bson.Document("recipient", 1).append("deliveredAt", 1).append("_id", 1)));
		indexes.createIndex(compound("by_subject", new org.bson.Document("subjectId", 1)));
		indexes.createIndex(compound("by_personal_data_subject", new org.bson.Document("personalDataSubject", 1)));
	}

	private static CompoundIndexDefinition compound(String name, org.bson.Document keys) {
		CompoundIndexDefinition index = new CompoundIndexDefinition(keys);
		index.named(name);
		return index;
	}

	/**
	 * Inserts entries, in one unordered bulk write: an entry whose recipient has one for
	 * that event already is left out (a redelivered event, or one applied in part before
	 * it failed), and the others are inserted all the same.
	 * @return those inserted now, those there already, and what failed otherwise, if
	 * anything did (then those inserted are inserted all the same)
	 */
	Inserted insertNew(List<InboxEntry> entries) {
		if (entries.isEmpty()) {
			return new Inserted(List.of(), 0, null);
		}
		List<InboxEntryDocument> documents = entries.stream().map(InboxEntryDocument::of).toList();
		List<BulkWriteError> errors;
		RuntimeException failure;
		try {
			this.mongo.bulkOps(BulkMode.UNORDERED, InboxEntryDocument.class).insert(documents).execute();
			return new Inserted(entries, 0, null);
		}
		catch (BulkOperationException ex) {
			errors = ex.getErrors();
			failure = ex;
		}
		catch (DuplicateKeyException ex) {
			if (!(ex.getCause() instanceof MongoBulkWriteException bulk)) {
				throw ex;
			}
			errors = bulk.getWriteErrors();
			failure = ex;
		}
		Set<Integer> duplicates = new HashSet<>();
		Set<Integer> failed = new HashSet<>();
		for (BulkWriteError error : errors) {
			(error.getCode() == DUPLICATE_KEY ? duplicates : failed).add(error.getIndex());
		}
		List<InboxEntry> inserted = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			if (!duplicates.contains(i) && !failed.contains(i)) {
				inserted.add(entries.get(i));
			}
		}
		return new Inserted(inserted, duplicates.size(), failed.isEmpty() ? null : failure);
	}

	/**
	 * What a bulk insert did.
	 *
	 * @param inserted the entries inserted
	 * @param duplicates how many were there already
	 * @param failure what went wrong with the others, or {@code null}
	 */
	record Inserted(List<InboxEntry> inserted, int duplicates, RuntimeException failure) {
	}

	/**
	 * Removes every entry about someone and every entry that holds their personal data.
	 * @return how many were removed
	 */
	long removeAbout(String subjectId) {
		return this.mongo.remove(Query.query(new Criteria().orOperator(Criteria.where("subjectId").is(subjectId),
				Criteria.where("personalDataSubject").is(subjectId))), InboxEntryDocument.class)
			.getDeletedCount();
	}

	/**
	 * A page of a recipient's inbox, newest first.
	 * @param read only the entries read ({@code true}) or unread ({@code false}), or all
	 * ({@code null})
	 */
	Page<InboxEntry> entries(Recipient recipient, Boolean read, int page, int size) {
		PageRequest pageRequest = PageRequest.of(page, size, NEWEST_FIRST);
		Query query = Query.query(inboxOf(recipient, read));
		var entries = this.mongo.find(Query.of(query).with(pageRequest), InboxEntryDocument.class)
			.stream()
			.map(InboxEntryDocument::toEntry)
			.toList();
		return PageableExecutionUtils.getPage(entries, pageRequest,
				() -> this.mongo.count(Query.of(query), InboxEntryDocument.class));
	}

	/** How many entries of a recipient's inbox are unread. */
	long unread(Recipient recipient) {
		return this.mongo.count(Query.query(inboxOf(recipient, false)), InboxEntryDocument.class);
	}

	/**
	 * Marks every unread entry of a recipient's inbox as read.
	 * @return how many entries changed
	 */
	long markAllRead(Recipient recipient) {
		return this.mongo
			.updateMulti(Query.query(inboxOf(recipient, false)), Update.update("read", true), InboxEntryDocument.class)
			.getModifiedCount();
	}

	/**
	 * Marks one entry read or unread.
	 * @param of the recipient whose entry it must be, or {@code null} for anyone's
	 * @return the entry as it is now, if there is one (of that recipient)
	 */
	Optional<InboxEntry> mark(String entryId, Recipient of, boolean read) {
		Criteria entry = Criteria.where("id").is(entryId);
		if (of != null) {
			entry = entry.and("recipient").is(of.key());
		}
		InboxEntryDocument marked = this.mongo.findAndModify(Query.query(entry), Update.update("read", read),
				FindAndModifyOptions.options().returnNew(true), InboxEntryDocument.class);
		return Optional.ofNullable(marked).map(InboxEntryDocument::toEntry);
	}

	/** Whether there is an entry of that id, in any inbox. */
	boolean exists(String entryId) {
		return this.mongo.exists(Query.query(Criteria.where("id").is(entryId)), InboxEntryDocument.class);
	}

	/** A recipient's entry; another inbox's is as unknown as none. */
	Optional<InboxEntry> entry(Recipient recipient, String entryId) {
		return Optional.ofNullable(
				this.mongo.findOne(Query.query(Criteria.where("id").is(entryId).and("recipient").is(recipient.key())),
						InboxEntryDocument.class))
			.map(InboxEntryDocument::toEntry);
	}

	/**
	 * The entries of a recipient delivered from {@code from} (inclusive) to {@code to}
	 * (exclusive): id to delivery time.
	 */
	Map<String, Instant> deliveredBetween(Recipient recipient, Instant from, Instant to) {
		return this.mongo
			.find(Query.query(Criteria.where("recipient").is(recipient.key()).and("deliveredAt").gte(from).lt(to)),
					InboxEntryDocument.class)
			.stream()
			.collect(Collectors.toMap(InboxEntryDocument::id, InboxEntryDocument::deliveredAt));
	}

	/**
	 * The entries of a recipient after a place in the order of delivery
	 * ({@code (deliveredAt, id)}), oldest first, at most {@code limit}.
	 */
	List<InboxEntry> deliveredAfter(Recipient recipient, Instant deliveredAt, String id, int limit) {
		Criteria criteria = Criteria.where("recipient")
			.is(recipient.key())
			.orOperator(Criteria.where("deliveredAt").gt(deliveredAt),
					Criteria.where("deliveredAt").is(deliveredAt).and("id").gt(id));
		return this.mongo.find(Query.query(criteria).with(IN_DELIVERY_ORDER).limit(limit), InboxEntryDocument.class)
			.stream()
			.map(InboxEntryDocument::toEntry)
			.toList();
	}

	private static Criteria inboxOf(Recipient recipient, Boolean read) {
		Criteria criteria = Criteria.where("recipient").is(recipient.key());
		return (read != null) ? criteria.and("read").is(read) : criteria;
	}

}
