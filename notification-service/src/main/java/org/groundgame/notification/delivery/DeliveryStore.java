package org.groundgame.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import org.groundgame.notification.batch.Batches;
import org.groundgame.notification.delivery.domain.Channel;
import org.groundgame.notification.delivery.domain.Delivery;
import org.groundgame.notification.delivery.domain.DeliveryStatus;
import org.groundgame.support.store.DocumentFields;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Repository;

/** The delivery log, and the queue of deliveries due. */
@Repository
class DeliveryStore implements DisposableBean {

	private static final int DUPLICATE_KEY = 11000;

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"));

	/**
	 * The most deliveries recorded or looked for in one round trip: every attempt under
	 * way at once in one instance fits (the workers of both channels, 72 by default).
	 */
	private static final int BATCH = 128;

	/**
	 * What an attempt changes of a delivery's state (every field, written or, if null,
	 * removed, as a replace of the whole document leaves it).
	 */
	private static final List<String> STATE = List.of("status", "attempts", "attemptsInRound", "nextAttemptAt",
			"completedAt", "leaseUntil");

	/** The message and address, which an attempt changes where it forgets them. */
	private static final List<String> MESSAGE = List.of("address", "subject", "text", "html", "body", "listUnsubscribe",
			"emailTopic");

	private final MongoTemplate mongo;

	private final String collection;

	/** Attempts recorded, those of the workers that record at once in one bulk write. */
	private final Batches<Attempted, Boolean> attempted;

	/** Deliveries looked for, those the workers look for at once in one find. */
	private final Batches<String, Boolean> present;

	DeliveryStore(MongoTemplate mongo) {
		this.mongo = mongo;
		this.collection = mongo.getCollectionName(DeliveryDocument.class);
		createIndexes(mongo.indexOps(DeliveryDocument.class));
		this.attempted = new Batches<>("attempts-recorded", BATCH, this::recordAttempts);
		this.present = new Batches<>("deliveries-present", BATCH, this::existing);
	}

	/**
	 * The indexes of the collection, as its document declared them before (same names,
	 * keys and options, so that a deployment's existing indexes are the same ones).
	 */
	private static void createIndexes(IndexOperations indexes) {
		indexes.createIndex(compound("due", new org.bson.Document("status", 1).append("nextAttemptAt", 1)));
		indexes.createIndex(compound("log_by_chapter", new org.bson.Document("chapterId", 1).append("createdAt", -1)));
		indexes.createIndex(compound("by_person", new org.bson.Document("personId", 1)));
		indexes.createIndex(compound("by_subject", new org.bson.Document("subjectId", 1)));
		indexes.createIndex(compound("by_personal_data_subject", new org.bson.Document("personalDataSubject", 1)));
	}

	private static CompoundIndexDefinition compound(String name, org.bson.Document keys) {
		CompoundIndexDefinition index = new CompoundIndexDefinition(keys);
		index.named(name);
		return index;
	}

	/**
	 * Inserts the deliveries that do not exist yet, in one round trip, free for whoever
	 * claims them.
	 * @return the ids of those inserted now (the others were there already)
	 */
	List<String> insertNew(List<Delivery> deliveries) {
		return insertNew(deliveries, null);
	}

	/**
	 * Inserts the deliveries that do not exist yet, in one round trip, leased to the
	 * caller until a time: the caller attempts them without claiming each (the poller,
	 * which takes any due delivery, leaves them alone until then).
	 * @param leaseUntil the lease's end, or {@code null} for none
	 * @return the ids of those inserted now (the others were there already, and keep
	 * whatever lease they have)
	 */
	List<String> insertNew(List<Delivery> deliveries, Instant leaseUntil) {
		if (deliveries.isEmpty()) {
			return List.of();
		}
		List<DeliveryDocument> documents = deliveries.stream()
			.map((delivery) -> DeliveryDocument.of(delivery).leasedUntil(leaseUntil))
			.toList();
		Set<Integer> existing = new HashSet<>();
		try {
			this.mongo.bulkOps(BulkMode.UNORDERED, DeliveryDocument.class).insert(documents).execute();
		}
		catch (BulkOperationException ex) {
			for (var error : ex.getErrors()) {
				if (error.getCode() != DUPLICATE_KEY) {
					throw ex;
				}
				existing.add(error.getIndex());
			}
		}
		catch (DuplicateKeyException ex) {
			existing.addAll(duplicateIndexes(ex));
		}
		List<String> inserted = new ArrayList<>();
		for (int i = 0; i < documents.size(); i++) {
			if (!existing.contains(i)) {
				inserted.add(documents.get(i).id());
			}
		}
		return inserted;
	}

	private static Set<Integer> duplicateIndexes(DuplicateKeyException ex) {
		Set<Integer> indexes = new HashSet<>();
		if (ex.getCause() instanceof MongoBulkWriteException bulk) {
			for (BulkWriteError error : bulk.getWriteErrors()) {
				if (error.getCode() != DUPLICATE_KEY) {
					throw ex;
				}
				indexes.add(error.getIndex());
			}
			return indexes;
		}
		throw ex;
	}

	/**
	 * Inserts a new delivery already leased to the caller, who attempts it at once: a
	 * delivery inserted free and claimed afterwards could be claimed first by the poller,
	 * which takes any due delivery.
	 */
	void insertClaimed(Delivery delivery, Instant leaseUntil) {
		this.mongo.insert(DeliveryDocument.of(delivery).leasedUntil(leaseUntil));
	}

	Optional<Delivery> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, DeliveryDocument.class)).map(DeliveryDocument::toDelivery);
	}

	/**
	 * Takes a pending delivery for an attempt, if it is due and nobody else holds it: the
	 * lease keeps other instances (and the poller) off it until the attempt is recorded
	 * or the lease runs out (the instance died).
	 */
	Optional<Delivery> claim(String id, Instant now, Duration lease) {
		return claimOne(Criteria.where("_id").is(id), now, lease);
	}

	/**
	 * Holds a delivery this caller leased until {@code leaseUntil} for another lease from
	 * now, unless someone else has taken it since (its lease ran out and the poller took
	 * it) or it is done or gone.
	 */
	Optional<Delivery> renew(String id, Instant leaseUntil, Instant now, Duration lease) {
		Query query = Query.query(Criteria.where("_id")
			.is(id)
			.and("status")
			.is(DeliveryStatus.PENDING.name())
			.and("leaseUntil")
			.is(leaseUntil));
		DeliveryDocument renewed = this.mongo.findAndModify(query, Update.update("leaseUntil", now.plus(lease)),
				FindAndModifyOptions.options().returnNew(true), DeliveryDocument.class);
		return Optional.ofNullable(renewed).map(DeliveryDocument::toDelivery);
	}

	/** Takes up to {@code max} due deliveries of a channel, the longest due first. */
	List<Delivery> claimDue(Channel channel, Instant now, Duration lease, int max) {
		List<Delivery> claimed = new ArrayList<>();
		while (claimed.size() < max) {
			Optional<Delivery> next = claimOne(Criteria.where("channel").is(channel.name()), now, lease);
			if (next.isEmpty()) {
				break;
			}
			claimed.add(next.get());
		}
		return claimed;
	}

	/**
	 * @param which a new criteria naming the deliveries to take from; the conditions of a
	 * claim are added to it, at the top of the query beside it rather than under an
	 * {@code $and}, so that a claim by id is a look-up by {@code _id} in any store (the
	 * in-process one of the tests and benchmarks looks a document up by its {@code _id}
	 * only when the query names it there, and scans the collection otherwise)
	 */
	private Optional<Delivery> claimOne(Criteria which, Instant now, Duration lease) {
		Query query = Query
			.query(which.and("status")
				.is(DeliveryStatus.PENDING.name())
				.and("nextAttemptAt")
				.lte(now)
				.orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lte(now)))
			.with(Sort.by("nextAttemptAt"));
		DeliveryDocument claimed = this.mongo.findAndModify(query, Update.update("leaseUntil", now.plus(lease)),
				FindAndModifyOptions.options().returnNew(true), DeliveryDocument.class);
		return Optional.ofNullable(claimed).map(DeliveryDocument::toDelivery);
	}

	/**
	 * Stores a delivery whole, releasing any lease on it: an upsert by its id (a new
	 * delivery, or one sent again).
	 */
	void save(Delivery delivery) {
		this.mongo.replace(Query.query(Criteria.where("_id").is(delivery.id())), DeliveryDocument.of(delivery),
				ReplaceOptions.replaceOptions().upsert());
	}

	/**
	 * Records an attempt, releasing the lease, unless the delivery was removed meanwhile
	 * (its person erased while the attempt was under way): never brings one back. Only
	 * what the attempt changed is written (its state, and its message and address where
	 * it forgot them), leaving the document as a replace by {@code after} would. The
	 * attempts that other workers record at the same moment go in the same write
	 * ({@link Batches}); it is done when this returns.
	 * @param before the delivery as attempted (as stored)
	 * @param after the delivery after the attempt
	 */
	void saveAttempted(Delivery before, Delivery after) {
		this.attempted.submit(new Attempted(before, after));
	}

	/** Updates each delivery by its id, never inserting: one bulk write. */
	private List<Boolean> recordAttempts(List<Attempted> attempts) {
		if (attempts.size() == 1) {
			Attempted attempt = attempts.get(0);
			this.mongo.updateFirst(byId(attempt), changes(attempt), this.collection);
			return List.of(Boolean.TRUE);
		}
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, this.collection);
		for (Attempted attempt : attempts) {
			bulk.updateOne(byId(attempt), changes(attempt));
		}
		bulk.execute();
		return Collections.nCopies(attempts.size(), Boolean.TRUE);
	}

	private static Query byId(Attempted attempt) {
		return Query.query(Criteria.where("_id").is(attempt.after().id()));
	}

	/**
	 * The fields the attempt changed, as the store's converter writes them for a whole
	 * document: {@code $set} where they have a value, {@code $unset} where they have none
	 * (the converter leaves a null out).
	 */
	private Update changes(Attempted attempt) {
		boolean messageChanged = !Objects.equals(attempt.before().address(), attempt.after().address())
				|| !Objects.equals(attempt.before().content(), attempt.after().content());
		DeliveryDocument after = DeliveryDocument.of(attempt.after());
		List<String> fields = new ArrayList<>(STATE);
		if (messageChanged) {
			fields.addAll(MESSAGE);
		}
		return DocumentFields.setOrUnset(this.mongo.getConverter(), messageChanged ? after : after.withoutMessage(),
				fields);
	}

	/** An attempt to record: the delivery as attempted, and after. */
	private record Attempted(Delivery before, Delivery after) {
	}

	Page<Delivery> list(String chapterId, DeliveryStatus status, Channel channel, int page, int size) {
		Criteria criteria = new Criteria();
		List<Criteria> conditions = new ArrayList<>();
		if (chapterId != null) {
			conditions.add(Criteria.where("chapterId").is(chapterId));
		}
		if (status != null) {
			conditions.add(Criteria.where("status").is(status.name()));
		}
		if (channel != null) {
			conditions.add(Criteria.where("channel").is(channel.name()));
		}
		if (!conditions.isEmpty()) {
			criteria.andOperator(conditions);
		}
		PageRequest pageRequest = PageRequest.of(page, size, NEWEST_FIRST);
		Query query = Query.query(criteria);
		List<Delivery> deliveries = this.mongo.find(Query.of(query).with(pageRequest), DeliveryDocument.class)
			.stream()
			.map(DeliveryDocument::toDelivery)
			.toList();
		return PageableExecutionUtils.getPage(deliveries, pageRequest,
				() -> this.mongo.count(Query.of(query), DeliveryDocument.class));
	}

	/** A chapter's deliveries by a channel created since a time, oldest first. */
	List<Delivery> since(String chapterId, Channel channel, Instant since) {
		Query query = Query.query(
				Criteria.where("chapterId").is(chapterId).and("channel").is(channel.name()).and("createdAt").gte(since))
			.with(Sort.by("createdAt"));
		return this.mongo.find(query, DeliveryDocument.class).stream().map(DeliveryDocument::toDelivery).toList();
	}

	/** Deliveries waiting for a retry (they failed at least once). */
	long retriesPending() {
		return this.mongo.count(
				Query.query(Criteria.where("status").is(DeliveryStatus.PENDING.name()).and("attemptsInRound").gt(0)),
				DeliveryDocument.class);
	}

	/**
	 * Removes every delivery to a person, every delivery about them (a chapter told of a
	 * new member) and every delivery that carries their personal data (a chapter told of
	 * an endorsed candidate, a trainee's own e-mail), content and address included, sent
	 * or still pending: one still pending never goes out.
	 * @param personId a personal record: a volunteer, an enrollment, a nomination
	 */
	long deleteForPerson(String personId) {
		Query query = Query.query(new Criteria().orOperator(Criteria.where("personId").is(personId),
				Criteria.where("subjectId").is(personId), Criteria.where("personalDataSubject").is(personId)));
		return this.mongo.remove(query, DeliveryDocument.class).getDeletedCount();
	}

	/** Removes deliveries by id. */
	long delete(List<String> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.mongo.remove(Query.query(Criteria.where("_id").in(ids)), DeliveryDocument.class).getDeletedCount();
	}

	/**
	 * Whether the delivery is still there (it goes when its person is erased): a look-up
	 * of its id alone, by {@code _id} (a {@code find}, which every store answers from the
	 * {@code _id} index; {@code MongoTemplate.exists} counts with an aggregation, which
	 * the in-process store of the tests and benchmarks answers by scanning the
	 * collection).
	 */
	boolean exists(String id) {
		return this.present.submit(id);
	}

	/**
	 * Which of the deliveries are there: one find by {@code _id} for all of them (its
	 * {@code $in} is answered from the {@code _id} index, in the in-process store too).
	 */
	private List<Boolean> existing(List<String> ids) {
		if (ids.size() == 1) {
			Query byId = Query.query(Criteria.where("_id").is(ids.get(0))).limit(1);
			byId.fields().include("_id");
			return List.of(this.mongo.findOne(byId, org.bson.Document.class, this.collection) != null);
		}
		Query byIds = Query.query(Criteria.where("_id").in(new HashSet<>(ids)));
		byIds.fields().include("_id");
		Set<Object> found = new HashSet<>();
		this.mongo.find(byIds, org.bson.Document.class, this.collection)
			.forEach((document) -> found.add(document.get("_id")));
		return ids.stream().map(found::contains).toList();
	}

	/** Ends the batches' threads (the application stops). */
	@Override
	public void destroy() {
		this.attempted.close();
		this.present.close();
	}

}
