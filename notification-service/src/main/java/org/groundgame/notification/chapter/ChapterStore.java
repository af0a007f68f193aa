package org.groundgame.notification.chapter;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.groundgame.notification.chapter.domain.Chapter;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The store of the chapters' projection ({@code chapters}): one document per chapter,
 * keyed by its id, the only class that knows the collection and its queries.
 */
@Repository
class ChapterStore {

	private final MongoTemplate mongo;

	ChapterStore(MongoTemplate mongo) {
		this.mongo = mongo;
		createIndexes(mongo.indexOps(ChapterDocument.class));
	}

	/**
	 * The indexes of the collection, as its document declared them before (same names,
	 * keys and options, so that a deployment's existing indexes are the same ones).
	 */
	private static void createIndexes(IndexOperations indexes) {
		indexes.createIndex(new Index().on("state", Sort.Direction.ASC).named("state"));
	}

	Optional<ChapterDocument> find(String chapterId) {
		return Optional.ofNullable(this.mongo.findById(chapterId, ChapterDocument.class));
	}

	/**
	 * Writes the chapter's document whole by its id: an upsert, the projection's only
	 * write.
	 */
	void put(ChapterDocument chapter) {
		this.mongo.replace(Query.query(Criteria.where("_id").is(chapter.id())), chapter,
				ReplaceOptions.replaceOptions().upsert());
	}

	/** The ids of the chapters of a state (as stored, normalized), in order. */
	Set<String> idsIn(String normalizedState) {
		Query query = Query.query(Criteria.where("state").is(normalizedState)).with(Sort.by("id"));
		query.fields().include("id");
		Set<String> ids = new LinkedHashSet<>();
		this.mongo.find(query, ChapterDocument.class).forEach((chapter) -> ids.add(chapter.id()));
		return ids;
	}

	/** Every chapter's id in one query. */
	Set<String> allIds() {
		Query query = new Query().with(Sort.by("id"));
		query.fields().include("id");
		Set<String> ids = new LinkedHashSet<>();
		this.mongo.find(query, ChapterDocument.class).forEach((chapter) -> ids.add(chapter.id()));
		return ids;
	}

	Map<String, Chapter> byIds(Collection<String> chapterIds) {
		Map<String, Chapter> known = new LinkedHashMap<>();
		if (chapterIds.isEmpty()) {
			return known;
		}
		this.mongo.find(Query.query(Criteria.where("_id").in(chapterIds)), ChapterDocument.class)
			.forEach((document) -> known.put(document.id(), document.toChapter()));
		return known;
	}

}
