package org.groundgame.notification.chapter;

import java.time.Instant;

import org.groundgame.notification.chapter.domain.Chapter;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A chapter of the projection, keyed by its id in volunteer-service. */
@Document("chapters")
record ChapterDocument(@Id String id, String name, @Indexed String state, String city, String contactEmail,
		Instant registeredAt) {

	static ChapterDocument of(Chapter chapter, Instant registeredAt) {
		return new ChapterDocument(chapter.id(), chapter.name(), chapter.state(), chapter.city(),
				chapter.contactEmail(), registeredAt);
	}

	Chapter toChapter() {
		return new Chapter(this.id, this.name, this.state, this.city, this.contactEmail);
	}

}
