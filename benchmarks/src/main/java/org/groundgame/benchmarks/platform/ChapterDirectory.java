package org.groundgame.benchmarks.platform;

import org.groundgame.benchmarks.Completions;
import org.groundgame.events.volunteer.ChapterRegistered;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The consuming service's effect: a projection of chapters, one document inserted per
 * registered chapter, as notification-service keeps one. The event counts as arrived once
 * the insert returned.
 */
class ChapterDirectory {

	private final MongoTemplate mongo;

	private final Completions completions;

	ChapterDirectory(MongoTemplate mongo, Completions completions) {
		this.mongo = mongo;
		this.completions = completions;
	}

	void chapterRegistered(ChapterRegistered event) {
		this.mongo.insert(new KnownChapter(event.chapterId(), event.name(), event.state(), event.city()));
		this.completions.completed(event.eventId(), System.nanoTime());
	}

	@Document("bench_known_chapters")
	record KnownChapter(@Id String chapterId, String name, String state, String city) {
	}

}
