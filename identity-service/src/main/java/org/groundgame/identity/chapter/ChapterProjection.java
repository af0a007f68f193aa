package org.groundgame.identity.chapter;

import org.groundgame.events.volunteer.ChapterRegistered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The chapters registered with volunteer-service, from its {@code ChapterRegistered}
 * events, so that a client is made only for a chapter that exists (no service calls
 * another). Applying an event again changes nothing: each chapter is one document keyed
 * by its id, created if absent.
 */
@Service
public class ChapterProjection implements RegisteredChapters {

	private static final Logger log = LoggerFactory.getLogger(ChapterProjection.class);

	private final ChapterStore chapters;

	ChapterProjection(ChapterStore chapters) {
		this.chapters = chapters;
	}

	void chapterRegistered(ChapterRegistered event) {
		this.chapters.registered(event.chapterId(), event.occurredAt());
		log.info("Chapter {} is registered (event {})", event.chapterId(), event.eventId());
	}

	@Override
	public boolean isRegistered(String chapterId) {
		return chapterId != null && this.chapters.exists(chapterId);
	}

}
