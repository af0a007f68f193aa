package org.groundgame.volunteer.opportunity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.groundgame.events.DomainEvent;
import org.groundgame.support.outbox.Outbox;
import org.groundgame.support.outbox.OutboxUpdates;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Where opportunities and shifts are kept. A document is inserted whole, with its events
 * in its outbox; after that it changes only in place, on its version, through
 * {@link OutboxUpdates} (a replacement from an older read would put published events
 * back).
 */
@Component
class OpportunityStore {

	private final MongoTemplate mongo;

	private final Outbox outbox;

	private final OutboxUpdates updates;

	OpportunityStore(MongoTemplate mongo, Outbox outbox, OutboxUpdates updates) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.updates = updates;
	}

	Optional<OpportunityDocument> opportunity(String id) {
		return Optional.ofNullable(this.mongo.findById(id, OpportunityDocument.class));
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

	long scheduledShifts(String opportunityId) {
		return this.mongo.count(Query
			.query(Criteria.where("opportunityId").is(opportunityId).and("status").is(ShiftStatus.SCHEDULED.name())),
				ShiftDocument.class);
	}

	/** Inserts an opportunity with its event; the save wakes the relay up. */
	void insert(OpportunityDocument document, DomainEvent event) {
		this.outbox.append(document, event);
		this.mongo.insert(document);
	}

	/** Inserts a new shift with its {@code ShiftScheduled}. */
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

	/**
	 * Writes an opportunity's edited details if still at the version read; no event.
	 * @return whether it was written
	 */
	boolean updateDetails(OpportunityDocument read, Opportunity edited) {
		Update update = new Update().set("title", edited.title())
			.set("description", edited.description())
			.set("type", edited.type().name())
			.set("location", edited.location())
			.set("virtualLink", edited.virtualLink());
		return this.updates.updateIfUnchanged(OpportunityDocument.class, read.getId(), read.getVersion(), update,
				List.of());
	}

	/**
	 * Writes an opportunity's change (its status and when it was published) if still at
	 * the version read.
	 * @return whether it was written
	 */
	boolean update(OpportunityDocument read, Opportunity.Change change) {
		Opportunity opportunity = change.opportunity();
		Update update = new Update().set("status", opportunity.status().name())
			.set("publishedAt", opportunity.publishedAt());
		return this.updates.updateIfUnchanged(OpportunityDocument.class, read.getId(), read.getVersion(), update,
				List.of(change.event()));
	}

}
