package org.groundgame.notification.chapter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.events.volunteer.ChapterUpdated;
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
 * The chapters notification-service targets, built from volunteer-service's events
 * ({@code ChapterRegistered}, {@code ChapterUpdated}). Applying an event twice changes
 * nothing: each chapter is one document keyed by its id, replaced whole (an upsert) by
 * the newest event only.
 */
@Service
class ChapterProjection implements ChapterDirectory, Chapters {

	private static final Logger log = LoggerFactory.getLogger(ChapterProjection.class);

	private final MongoTemplate mongo;

	ChapterProjection(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	void chapterRegistered(ChapterRegistered event) {
		apply(Chapter.registered(event), event.occurredAt(), event.occurredAt(), event.eventId());
	}

	void chapterUpdated(ChapterUpdated event) {
		apply(Chapter.updated(event), null, event.occurredAt(), event.eventId());
	}

	/**
	 * Keeps the chapter's newest details ({@link Chapter#replaces}): an older event that
	 * comes again changes nothing. Reading, deciding and writing without a lock is safe
	 * because one chapter's events are keyed by its id, so they arrive on one partition
	 * and are applied one after the other.
	 * @param registeredAt when the chapter was registered, if the event says so; else the
	 * time known is kept
	 */
	private void apply(Chapter chapter, Instant registeredAt, Instant occurredAt, String eventId) {
		Optional<ChapterDocument> known = Optional.ofNullable(this.mongo.findById(chapter.id(), ChapterDocument.class));
		if (!Chapter.replaces(occurredAt, known.map(ChapterDocument::detailsAsOf))) {
			log.info("Event {} about chapter {} is older than what is known of it: ignored", eventId, chapter.id());
			return;
		}
		Instant registered = (registeredAt != null) ? registeredAt
				: known.map(ChapterDocument::registeredAt).orElse(null);
		this.mongo.save(ChapterDocument.of(chapter, registered, occurredAt.truncatedTo(ChronoUnit.MILLIS)));
		log.info("Chapter {} in {} projected (event {})", chapter.id(), chapter.state(), eventId);
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

	/** Every chapter in one query. */
	@Override
	public Set<String> allChapterIds() {
		Query query = new Query().with(Sort.by("id"));
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
