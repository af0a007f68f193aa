package org.groundgame.training.alert;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.groundgame.events.DomainEvent;
import org.groundgame.support.outbox.HasOutbox;
import org.groundgame.support.outbox.Outbox;
import org.groundgame.support.outbox.OutboxUpdates;
import org.groundgame.training.cohort.Track;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Where cohort alerts are kept. Inserted whole with their first event; changed only by a
 * targeted update on the version read that pushes the change's events
 * ({@link OutboxUpdates}), so that of two instances reacting to the same cohort's opening
 * only one spends an alert.
 */
@Component
class CohortAlertStore {

	private final MongoTemplate mongo;

	private final Outbox outbox;

	private final OutboxUpdates updates;

	CohortAlertStore(MongoTemplate mongo, Outbox outbox, OutboxUpdates updates) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.updates = updates;
		createIndexes(mongo.indexOps(CohortAlertDocument.class));
	}

	/**
	 * The indexes of the collection, as they were declared on the document before (same
	 * names and keys, so a deployment's existing indexes are the same ones).
	 */
	private static void createIndexes(IndexOperations indexes) {
		indexes.createIndex(
				new CompoundIndexDefinition(new Document("track", 1).append("closedAt", 1).append("requestedAt", 1))
					.named("waiting_by_track"));
		indexes.createIndex(new Index().on("slot", Sort.Direction.ASC).named("alert_slot").unique().sparse());
		indexes.createIndex(new Index().on("tokenHash", Sort.Direction.ASC).named("alert_token").sparse());
		indexes.createIndex(new Index().on("closedAt", Sort.Direction.ASC).named("alert_closed_at").sparse());
	}

	/**
	 * Inserts a new alert with the event that sends its link; the save wakes the relay.
	 * @return {@code false} when the address already has an alert of that track
	 */
	boolean insert(CohortAlert.Requested requested) {
		CohortAlertDocument document = CohortAlertDocument.waiting(requested.alert());
		this.outbox.append(document, requested.event());
		try {
			this.mongo.insert(document);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** The waiting alert of an address and track. */
	Optional<CohortAlertDocument> waiting(String slot) {
		return Optional
			.ofNullable(this.mongo.findOne(Query.query(Criteria.where("slot").is(slot)), CohortAlertDocument.class));
	}

	/** The waiting alert whose latest link holds the token of this hash. */
	Optional<CohortAlertDocument> waitingWithToken(String tokenHash) {
		return Optional.ofNullable(
				this.mongo.findOne(Query.query(Criteria.where("tokenHash").is(tokenHash).and("closedAt").isNull()),
						CohortAlertDocument.class));
	}

	Optional<CohortAlertDocument> byId(String id) {
		return Optional.ofNullable(this.mongo.findById(id, CohortAlertDocument.class));
	}

	/** The ids of the alerts of a track still waiting that were asked for before then. */
	List<String> waitingIds(Track track, Instant before) {
		Query query = Query
			.query(Criteria.where("track").is(track.name()).and("closedAt").isNull().and("requestedAt").lt(before));
		query.fields().include("_id");
		return this.mongo.find(query, Document.class, CohortAlertDocument.COLLECTION)
			.stream()
			.map((document) -> document.getString("_id"))
			.toList();
	}

	/** The waiting alerts of an address, whatever their track. */
	List<CohortAlertDocument> waitingOf(String email) {
		List<String> slots = Arrays.stream(Track.values()).map((track) -> CohortAlert.slot(track, email)).toList();
		return this.mongo.find(Query.query(Criteria.where("slot").in(slots)), CohortAlertDocument.class);
	}

	/**
	 * Records a new link sent, on the version read.
	 * @return whether it was written (false: another write came first; read again)
	 */
	boolean linkSent(CohortAlertDocument read, CohortAlert.Requested again) {
		Update update = new Update().set("tokenHash", again.alert().tokenHash())
			.set("linkSentAt", again.alert().linkSentAt());
		return this.updates.updateIfUnchanged(CohortAlertDocument.class, read.getId(), read.getVersion(), update,
				List.of(again.event()));
	}

	/**
	 * Closes a waiting alert, on the version read: nothing of the person stays (address,
	 * name, slot, token), and its last event, if any, goes in the same write.
	 * @return whether it was written (false: another write came first; read again)
	 */
	boolean close(CohortAlertDocument read, CohortAlert.Closed why, Instant now, List<DomainEvent> events) {
		Update update = new Update().unset("slot")
			.unset("email")
			.unset("name")
			.unset("tokenHash")
			.set("closedAt", now)
			.set("closed", why.name());
		return this.updates.updateIfUnchanged(CohortAlertDocument.class, read.getId(), read.getVersion(), update,
				events);
	}

	/**
	 * Deletes the closed alerts whose events are all published.
	 * @return how many
	 */
	long deleteClosed() {
		return this.mongo
			.remove(Query.query(Criteria.where("closedAt").ne(null).and(HasOutbox.FIELD + ".0").exists(false)),
					CohortAlertDocument.class)
			.getDeletedCount();
	}

}
