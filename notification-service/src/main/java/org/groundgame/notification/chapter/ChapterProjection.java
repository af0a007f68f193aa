package org.groundgame.notification.chapter;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.notification.chapter.domain.Chapter;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.chapter.domain.Chapters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The chapters notification-service targets, built from volunteer-service's events.
 * Applying an event twice changes nothing: each chapter is one document keyed by its id,
 * replaced whole (an upsert).
 */
@Service
class ChapterProjection implements ChapterDirectory, Chapters {

	private static final Logger log = LoggerFactory.getLogger(ChapterProjection.class);

	private final MongoTemplate mongo;

	ChapterProjection(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	void chapterRegistered(ChapterRegistered event) {
		Chapter chapter = Chapter.registered(event);
		this.mongo.save(ChapterDocument.of(chapter, event.occurredAt()));
		log.info("Chapter {} in {} registered (event {})", chapter.id(), chapter.state(), event.eventId());
	}

	@Override
	public Set<String> chapterIdsIn(String state) {
		String normalized = Chapter.normalizedState(state);
		if (normalized == null || normalized.isEmpty()) {
			return Set.of();
		}
		Query query = Query.query(Criteria.where("state").is(normalized)).with(Sort.by("id"));
		query.fields().include("id");
		Set<String> ids = new LinkedHashSet<>();
		this.mongo.find(query, ChapterDocument.class).forEach((chapter) -> ids.add(chapter.id()));
		return ids;
	}

	@Override
	public Map<String, Chapter> byIds(Collection<String> chapterIds) {
		Map<String, Chapter> known = new LinkedHashMap<>();
		if (chapterIds.isEmpty()) {
			return known;
		}
		this.mongo.find(Query.query(Criteria.where("_id").in(chapterIds)), ChapterDocument.class)
			.forEach((document) -> known.put(document.id(), document.toChapter()));
		return known;
	}

	@Override
	public Optional<Chapter> byId(String chapterId) {
		if (chapterId == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.mongo.findById(chapterId, ChapterDocument.class))
			.map(ChapterDocument::toChapter);
	}

}
