package org.groundgame.benchmarks.platform;

import java.time.Instant;
import java.util.UUID;

import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.support.outbox.Outbox;

import org.springframework.stereotype.Service;

/**
 * The producing service's application service: registers a chapter and stores it with its
 * {@link ChapterRegistered} event in one save, as volunteer-service does.
 */
@Service
class ChapterRegistrations {

	private final BenchChapters chapters;

	private final Outbox outbox;

	ChapterRegistrations(BenchChapters chapters, Outbox outbox) {
		this.chapters = chapters;
		this.outbox = outbox;
	}

	void register(String eventId) {
		BenchChapter chapter = new BenchChapter(UUID.randomUUID().toString(), "Benchmark chapter", "MO", "St. Louis");
		this.outbox.append(chapter, new ChapterRegistered(eventId, Instant.now(), chapter.getId(), chapter.getName(),
				chapter.getState(), chapter.getCity(), "chapter@example.org"));
		this.chapters.save(chapter);
	}

}
