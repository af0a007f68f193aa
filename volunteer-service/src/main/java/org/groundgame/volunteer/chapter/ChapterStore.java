package org.groundgame.volunteer.chapter;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.groundgame.support.geography.UsState;
import org.groundgame.support.outbox.Outbox;
import org.groundgame.support.outbox.OutboxUpdates;
import org.groundgame.volunteer.chapter.Chapter.Registration;
import org.groundgame.volunteer.chapter.Chapter.Updated;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Where chapters are kept (collection {@code chapters}): the only class that knows the
 * collection, its indexes and its queries. A chapter is inserted whole with its
 * {@code ChapterRegistered} in its outbox; after that it changes only in place, on its
 * version, with its event, through {@link OutboxUpdates}.
 */
@Component
class ChapterStore {

	/** Case- and spacing-insensitive by name; the state separates namesakes. */
	private static final Sort BY_NAME = Sort.by("nameKey", "state");

	private final ChapterRepository chapters;

	private final MongoTemplate mongo;

	private final Outbox outbox;

	private final OutboxUpdates updates;

	ChapterStore(ChapterRepository chapters, MongoTemplate mongo, Outbox outbox, OutboxUpdates updates) {
		this.chapters = chapters;
		this.mongo = mongo;
		this.outbox = outbox;
		this.updates = updates;
		createIndexes(mongo.indexOps(ChapterDocument.class));
	}

	/**
	 * The indexes of the collection, as they were declared on the document before (same
	 * names and keys, so a deployment's existing indexes are the same ones). The unique
	 * index on state and name key keeps one chapter per name and state even when two
	 * registrations race; it also serves the listing of a state sorted by name. The index
	 * on the sister chapters named finds the chapters that name a given one.
	 */
	private static void createIndexes(IndexOperations indexes) {
		indexes.createIndex(new CompoundIndexDefinition(new org.bson.Document("state", 1).append("nameKey", 1))
			.named("state_name_key_unique")
			.unique());
		indexes.createIndex(new CompoundIndexDefinition(new org.bson.Document("nameKey", 1).append("state", 1))
			.named("name_key_state"));
		indexes.createIndex(
				new CompoundIndexDefinition(new org.bson.Document("sisterChapterIds", 1)).named("sister_chapter_ids"));
	}

	/**
	 * Inserts a chapter with its {@code ChapterRegistered}; the insert wakes the relay
	 * up.
	 * @throws org.springframework.dao.DuplicateKeyException when the state has a chapter
	 * of that name
	 */
	void insert(Registration registration) {
		ChapterDocument document = ChapterDocument.newChapter(registration.chapter());
		this.outbox.append(document, registration.event());
		this.chapters.insert(document);
	}

	/**
	 * Writes a chapter's new details with its {@code ChapterUpdated} if the stored
	 * chapter is still at the version read.
	 * @return whether it was written (false: another write came first; read again)
	 * @throws org.springframework.dao.DuplicateKeyException when another chapter of the
	 * state has the new name
	 */
	boolean update(ChapterDocument read, Updated updated) {
		Chapter chapter = updated.chapter();
		Update update = new Update().set("name", chapter.name().value())
			.set("nameKey", chapter.name().key())
			.set("city", chapter.city())
			.set("contactEmail", chapter.contactEmail().value())
			.set("parentOrganization", chapter.parentOrganization())
			.set("sisterChapterIds", chapter.sisterChapterIds())
			.set("updatedAt", updated.event().occurredAt());
		return this.updates.updateIfUnchanged(ChapterDocument.class, read.getId(), read.getVersion(), update,
				List.of(updated.event()));
	}

	Optional<ChapterDocument> chapter(String id) {
		return this.chapters.findById(id);
	}

	boolean exists(String id) {
		return this.chapters.existsById(id);
	}

	/** The chapters of a state, or of every state, by name. */
	Page<ChapterDocument> chapters(Optional<UsState> state, int page, int size) {
		Pageable pageable = PageRequest.of(page, size, BY_NAME);
		return state.map((s) -> this.chapters.findByState(s.code(), pageable))
			.orElseGet(() -> this.chapters.findAll(pageable));
	}

	/**
	 * The chapters with these ids, and those that name one of the others as a sister,
	 * with what a sister shows of them.
	 */
	List<ChapterDocument> sistersOf(Collection<String> ids, Collection<String> named) {
		Query query = Query.query(
				new Criteria().orOperator(Criteria.where("_id").in(named), Criteria.where("sisterChapterIds").in(ids)));
		query.fields().include("name", "nameKey", "state", "city", "sisterChapterIds");
		return this.mongo.find(query, ChapterDocument.class);
	}

	/** Those of the ids that are registered chapters. */
	Set<String> registeredAmong(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		Query query = Query.query(Criteria.where("_id").in(ids));
		query.fields().include("_id");
		Set<String> registered = new HashSet<>();
		this.mongo.find(query, org.bson.Document.class, ChapterDocument.COLLECTION)
			.forEach((document) -> registered.add(document.getString("_id")));
		return registered;
	}

}
