package org.groundgame.volunteer.volunteer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.groundgame.support.outbox.Outbox;
import org.groundgame.support.outbox.OutboxUpdates;
import org.groundgame.volunteer.volunteer.Volunteer.Change;

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
 * Where volunteers are kept (collection {@code volunteers}): the only class that knows
 * the collection, its indexes and its queries. A volunteer is inserted whole with their
 * events in the outbox; after that, always a version-checked update in place
 * ({@link OutboxUpdates}), never a replacement (which could put back events the relay
 * removed).
 */
@Component
class VolunteerStore {

	private final VolunteerRepository volunteers;

	private final MongoTemplate mongo;

	private final Outbox outbox;

	private final OutboxUpdates updates;

	VolunteerStore(VolunteerRepository volunteers, MongoTemplate mongo, Outbox outbox, OutboxUpdates updates) {
		this.volunteers = volunteers;
		this.mongo = mongo;
		this.outbox = outbox;
		this.updates = updates;
		createIndexes(mongo.indexOps(VolunteerDocument.class));
	}

	/**
	 * The indexes of the collection, as they were declared on the document before (same
	 * names and keys, so a deployment's existing indexes are the same ones). The unique
	 * index on the e-mail key keeps one volunteer per address even when sign-ups race;
	 * the index on the pending change's hash finds the volunteer a confirmation link is
	 * for.
	 */
	private static void createIndexes(IndexOperations indexes) {
		indexes.createIndex(new CompoundIndexDefinition(new org.bson.Document("chapterId", 1).append("signedUpAt", 1))
			.named("chapter_signed_up"));
		indexes.createIndex(new CompoundIndexDefinition(new org.bson.Document("pendingChange.tokenHash", 1))
			.named("pending_change_token")
			.sparse());
		indexes.createIndex(new Index().on("emailKey", Sort.Direction.ASC).named("email_key_unique").unique());
	}

	/** The volunteer, erased or not. */
	Optional<VolunteerDocument> volunteer(String id) {
		return this.volunteers.findById(id);
	}

	/** Those of the ids that are stored, erased or not. */
	List<VolunteerDocument> volunteers(Collection<String> ids) {
		List<VolunteerDocument> found = new ArrayList<>();
		this.volunteers.findAllById(ids).forEach(found::add);
		return found;
	}

	/** The volunteer with that e-mail key ({@link Contact#emailKey}). */
	Optional<VolunteerDocument> byEmailKey(String emailKey) {
		return this.volunteers.findByEmailKey(emailKey);
	}

	/** The volunteer whose pending change has a token of that hash. */
	Optional<VolunteerDocument> byPendingChange(String tokenHash) {
		return Optional.ofNullable(this.mongo
			.findOne(Query.query(Criteria.where("pendingChange.tokenHash").is(tokenHash)), VolunteerDocument.class));
	}

	/** The volunteers not erased who match, by when they signed up. */
	Page<Volunteer> volunteers(Selection selection, int page, int size) {
		List<Criteria> criteria = new ArrayList<>();
		criteria.add(Criteria.where("erasedAt").is(null));
		if (selection.chapterId() != null) {
			criteria.add(Criteria.where("chapterId").is(selection.chapterId()));
		}
		if (selection.interest() != null) {
			criteria.add(Criteria.where("interests").is(selection.interest().name()));
		}
		if (selection.emailKey() != null) {
			criteria.add(Criteria.where("emailKey").is(selection.emailKey()));
		}
		if (selection.emailConsent() != null) {
			criteria.add(consent("emailConsent", selection.emailConsent()));
		}
		if (selection.smsConsent() != null) {
			criteria.add(consent("smsConsent", selection.smsConsent()));
		}
		PageRequest pageable = PageRequest.of(page, size, Sort.by("signedUpAt", "_id"));
		Query query = Query.query(new Criteria().andOperator(criteria)).with(pageable);
		List<Volunteer> content = this.mongo.find(query, VolunteerDocument.class)
			.stream()
			.map(VolunteerDocument::toVolunteer)
			.toList();
		return PageableExecutionUtils.getPage(content, pageable,
				() -> this.mongo.count(Query.of(query).limit(-1).skip(-1), VolunteerDocument.class));
	}

	/** Volunteers from before consent was stored per channel said nothing. */
	private static Criteria consent(String field, ConsentStatus status) {
		return (status == ConsentStatus.UNSPECIFIED)
				? Criteria.where(field + ".status").in(ConsentStatus.UNSPECIFIED.name(), null)
				: Criteria.where(field + ".status").is(status.name());
	}

	/**
	 * Inserts a new volunteer with their events.
	 * @throws org.springframework.dao.DuplicateKeyException when the address is taken
	 * (another sign-up came first)
	 */
	void insert(Change change) {
		VolunteerDocument document = VolunteerDocument.newVolunteer(change.volunteer());
		this.outbox.append(document, change.events());
		this.volunteers.insert(document);
	}

	/**
	 * Writes a volunteer's change in place if the stored document is still at the version
	 * read: every field {@code $set} (or {@code $unset} when it became empty) and the
	 * events pushed to the outbox.
	 * @return whether it was written
	 */
	boolean update(VolunteerDocument read, Change change) {
		org.bson.Document written = new org.bson.Document();
		this.mongo.getConverter().write(read.changedTo(change.volunteer()), written);
		Update update = new Update();
		for (String field : VolunteerDocument.FIELDS) {
			Object value = written.get(field);
			if (value != null) {
				update.set(field, value);
			}
			else {
				update.unset(field);
			}
		}
		return this.updates.updateIfUnchanged(VolunteerDocument.class, read.getId(), read.getVersion(), update,
				change.events());
	}

	/**
	 * What a listing selects: the volunteers not erased, and of them those matching each
	 * criterion not {@code null}.
	 */
	record Selection(String chapterId, Interest interest, String emailKey, ConsentStatus emailConsent,
			ConsentStatus smsConsent) {
	}

}
