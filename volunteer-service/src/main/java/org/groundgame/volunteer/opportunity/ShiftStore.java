package org.groundgame.volunteer.opportunity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.groundgame.support.outbox.Outbox;
import org.groundgame.support.outbox.OutboxUpdates;

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
 * Where shifts are kept, with their rosters inside them (collection {@code shifts}): the
 * only class that knows the collection, its indexes and its queries. A shift is inserted
 * whole, with its {@code ShiftScheduled} in its outbox; after that it changes only in
 * place, on its version, through {@link OutboxUpdates} (a replacement from an older read
 * would put published events back).
 */
@Component
class ShiftStore {

	private final MongoTemplate mongo;

	private final Outbox outbox;

	private final OutboxUpdates updates;

	ShiftStore(MongoTemplate mongo, Outbox outbox, OutboxUpdates updates) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.updates = updates;
		createIndexes(mongo.indexOps(ShiftDocument.class));
	}

	/**
	 * The indexes of the collection, as they were declared on the document before (same
	 * names and keys, so a deployment's existing indexes are the same ones).
	 */
	private static void createIndexes(IndexOperations indexes) {
		indexes.createIndex(new CompoundIndexDefinition(new Document("opportunityId", 1).append("startsAt", 1))
			.named("opportunity_starts_at"));
		indexes.createIndex(
				new CompoundIndexDefinition(new Document("signups.volunteerId", 1)).named("signups_volunteer"));
		indexes.createIndex(new CompoundIndexDefinition(new Document("endorsementId", 1)).named("endorsement"));
		indexes.createIndex(new Index().on("startsAt", Sort.Direction.ASC).named("starts_at"));
	}

	Optional<ShiftDocument> shift(String id) {
		return Optional.ofNullable(this.mongo.findById(id, ShiftDocument.class));
	}

	/** The shifts of these opportunities, soonest first. */
	List<ShiftDocument> shiftsOf(Collection<String> opportunityIds) {
		return this.mongo.find(
				Query.query(Criteria.where("opportunityId").in(opportunityIds)).with(Sort.by("startsAt", "_id")),
				ShiftDocument.class);
	}

	/** How many shifts of the opportunity are scheduled. */
	long scheduledShifts(String opportunityId) {
		return this.mongo.count(Query
			.query(Criteria.where("opportunityId").is(opportunityId).and("status").is(ShiftStatus.SCHEDULED.name())),
				ShiftDocument.class);
	}

	/**
	 * The shifts a volunteer has a signup on, whatever its status (through the index).
	 */
	List<ShiftDocument> signedUp(String volunteerId) {
		return this.mongo.find(Query.query(Criteria.where("signups.volunteerId").is(volunteerId)), ShiftDocument.class);
	}

	/** The ids of the shifts not over at that time that a volunteer has a signup on. */
	List<String> notOverWith(String volunteerId, Instant now) {
		return this.mongo
			.find(Query.query(Criteria.where("signups.volunteerId").is(volunteerId).and("endsAt").gt(now)),
					ShiftDocument.class)
			.stream()
			.map(ShiftDocument::getId)
			.toList();
	}

	/**
	 * The scheduled shifts starting within the lead time with a seated volunteer not
	 * reminded yet.
	 */
	List<ShiftDocument> remindersDue(Instant now, Duration lead) {
		return this.mongo.find(Query.query(Criteria.where("status")
			.is(ShiftStatus.SCHEDULED.name())
			.and("startsAt")
			.gt(now)
			.lte(now.plus(lead))
			.and("signups")
			.elemMatch(Criteria.where("status")
				.in(SignupStatus.REMINDED.stream().map(Enum::name).toList())
				.and("remindedAt")
				.is(null))), ShiftDocument.class);
	}

	/** How many shifts not started at that time have volunteers waiting for a seat. */
	long withAWaitlist(Instant now) {
		return this.mongo.count(
				Query
					.query(Criteria.where("startsAt").gt(now).and("signups.status").is(SignupStatus.WAITLISTED.name())),
				ShiftDocument.class);
	}

	/**
	 * The ids of the opportunities with a scheduled shift starting in the period (either
	 * end may be open).
	 */
	List<String> opportunitiesWithShiftsIn(Instant from, Instant to) {
		List<Bson> filters = new ArrayList<>();
		filters.add(Filters.eq("status", ShiftStatus.SCHEDULED.name()));
		if (from != null) {
			filters.add(Filters.gte("startsAt", Date.from(from)));
		}
		if (to != null) {
			filters.add(Filters.lt("startsAt", Date.from(to)));
		}
		return this.mongo.getCollection(ShiftDocument.COLLECTION)
			.find(Filters.and(filters))
			.projection(Projections.include("opportunityId"))
			.map((Document shift) -> shift.getString("opportunityId"))
			.into(new LinkedHashSet<>())
			.stream()
			.toList();
	}

	/**
	 * Inserts a new shift with its {@code ShiftScheduled}; the insert wakes the relay up.
	 */
	void insert(Shift.Scheduled scheduled) {
		ShiftDocument document = ShiftDocument.newShift(scheduled.shift());
		this.outbox.append(document, scheduled.event());
		this.mongo.insert(document);
	}

	/**
	 * Writes a shift's change if the stored shift is still at the version it was read at:
	 * its roster, capacity and status, and the events pushed to its outbox.
	 * @return whether it was written (false: another write came first; read again)
	 */
	boolean update(ShiftDocument read, Shift.Change change) {
		Shift shift = change.shift();
		Update update = new Update().set("signups", ShiftDocument.entries(shift))
			.set("nextSequence", shift.nextSequence())
			.set("capacity", shift.capacity())
			.set("status", shift.status().name())
			.set("title", shift.title())
			.set("type", shift.type().name())
			.set("startsAt", shift.startsAt())
			.set("endsAt", shift.endsAt())
			.set("location", shift.location())
			.set("virtualLink", shift.virtualLink());
		return this.updates.updateIfUnchanged(ShiftDocument.class, read.getId(), read.getVersion(), update,
				change.events());
	}

}
