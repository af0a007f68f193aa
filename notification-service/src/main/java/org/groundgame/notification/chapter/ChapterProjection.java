package org.groundgame.notification.chapter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
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

	private final ChapterStore store;

	ChapterProjection(ChapterStore store) {
		this.store = store;
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
		Optional<ChapterDocument> known = this.store.find(chapter.id());
		if (!Chapter.replaces(occurredAt, known.map(ChapterDocument::detailsAsOf))) {
			log.info("Event {} about chapter {} is older than what is known of it: ignored", eventId, chapter.id());
			return;
		}
		Instant registered = (registeredAt != null) ? registeredAt
				: known.map(ChapterDocument::registeredAt).orElse(null);
		this.store.put(ChapterDocument.of(chapter, registered, occurredAt.truncatedTo(ChronoUnit.MILLIS)));
		log.info("Chapter {} in {} projected (event {})", chapter.id(), chapter.state(), eventId);
	}

	@Override
	public Set<String> chapterIdsIn(String state) {
		String normalized = Chapter.normalizedState(state);
		if (normalized == null || normalized.isEmpty()) {
			return Set.of();
		}
		return this.store.idsIn(normalized);
	}

	/** Every chapter in one query. */
	@Override
	public Set<String> allChapterIds() {
		return this.store.allIds();
	}

	@Override
	public Map<String, Chapter> byIds(Collection<String> chapterIds) {
		return this.store.byIds(chapterIds);
	}

	@Override
	public Optional<Chapter> byId(String chapterId) {
		if (chapterId == null) {
			return Optional.empty();
		}
		return this.store.find(chapterId).map(ChapterDocument::toChapter);
	}

}
