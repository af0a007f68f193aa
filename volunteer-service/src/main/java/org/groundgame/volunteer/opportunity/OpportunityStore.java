package org.groundgame.volunteer.opportunity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.groundgame.events.DomainEvent;
import org.groundgame.support.geography.UsState;
import org.groundgame.support.outbox.Outbox;
import org.groundgame.support.outbox.OutboxUpdates;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;

/**
 * Where opportunities are kept (collection {@code opportunities}): the only class that
 * knows the collection, its indexes and its queries. An opportunity is inserted whole,
 * with its event in its outbox; after that it changes only in place, on its version,
 * through {@link OutboxUpdates} (a replacement from an older read would put published
 * events back).
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
		createIndexes(mongo.indexOps(OpportunityDocument.class));
	}

	/**
	 * The indexes of the collection, as they were declared on the document before (same
	 * names and keys, so a deployment's existing indexes are the same ones).
	 * {@code teamOf} is set only on the volunteer team opened for an endorsement, and
	 * unique: one team per endorsement however often the event is delivered (the index is
	 * sparse, so opportunities created directly, even for the same endorsement, are not
	 * in it).
	 */
	private static void createIndexes(IndexOperations indexes) {
		indexes.createIndex(
				new CompoundIndexDefinition(new Document("state", 1).append("status", 1)).named("state_status"));
		indexes.createIndex(new Index().on("endorsementId", Sort.Direction.ASC).named("endorsement"));
		indexes.createIndex(new Index().on("teamOf", Sort.Direction.ASC).named("team_of_unique").unique().sparse());
	}

	Optional<OpportunityDocument> opportunity(String id) {
		return Optional.ofNullable(this.mongo.findById(id, OpportunityDocument.class));
	}

	/** The volunteer team opened for an endorsement, if it has one. */
	Optional<OpportunityDocument> teamOf(String endorsementId) {
		return Optional.ofNullable(
				this.mongo.findOne(Query.query(Criteria.where("teamOf").is(endorsementId)), OpportunityDocument.class));
	}

	/** The opportunities selected, newest first. */
	Page<Opportunity> opportunities(Selection selection, int page, int size) {
		List<Criteria> criteria = new ArrayList<>();
		criteria.add(Criteria.where("status").is(selection.status().name()));
		if (selection.chapterId() != null) {
			criteria.add(Criteria.where("chapterId").is(selection.chapterId()));
		}
		if (selection.state() != null) {
			criteria.add(Criteria.where("state").is(selection.state().code()));
		}
		if (selection.type() != null) {
			criteria.add(Criteria.where("type").is(selection.type().name()));
		}
		if (selection.endorsementId() != null) {
			criteria.add(Criteria.where("endorsementId").is(selection.endorsementId()));
		}
		if (selection.ids() != null) {
			criteria.add(Criteria.where("_id").in(selection.ids()));
		}
		PageRequest pageable = PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id")));
		Query query = Query.query(new Criteria().andOperator(criteria)).with(pageable);
		List<Opportunity> content = this.mongo.find(query, OpportunityDocument.class)
			.stream()
			.map(OpportunityDocument::toOpportunity)
			.toList();
		return PageableExecutionUtils.getPage(content, pageable,
				() -> this.mongo.count(Query.of(query).limit(-1).skip(-1), OpportunityDocument.class));
	}

	/** Inserts an opportunity with its event; the insert wakes the relay up. */
	void insert(OpportunityDocument document, DomainEvent event) {
		this.outbox.append(document, event);
		this.mongo.insert(document);
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

	/**
	 * What a listing selects: the status, and each other criterion when not {@code null}.
	 *
	 * @param ids only these opportunities, or {@code null} for any
	 */
	record Selection(OpportunityStatus status, String chapterId, UsState state, OpportunityType type,
			String endorsementId, Collection<String> ids) {
	}

}
