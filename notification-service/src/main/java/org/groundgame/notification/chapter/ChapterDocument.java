package org.groundgame.notification.chapter;

import java.time.Instant;
import java.util.List;

import org.groundgame.notification.chapter.domain.Chapter;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A chapter of the projection, keyed by its id in volunteer-service.
 *
 * @param registeredAt when it was registered, once its registration was consumed
 * @param asOf when the event its details came from occurred, to recognize an older one
 * that comes again; {@code null} in documents written before updates were projected (then
 * {@code registeredAt} is that time)
 */
@Document("chapters")
record ChapterDocument(@Id String id, String name, String state, String city, String contactEmail,
		String parentOrganization, List<String> sisterChapterIds, Instant registeredAt, Instant asOf) {

	static ChapterDocument of(Chapter chapter, Instant registeredAt, Instant asOf) {
		return new ChapterDocument(chapter.id(), chapter.name(), chapter.state(), chapter.city(),
				chapter.contactEmail(), chapter.parentOrganization(), chapter.sisterChapterIds(), registeredAt, asOf);
	}

	Chapter toChapter() {
		return new Chapter(this.id, this.name, this.state, this.city, this.contactEmail, this.parentOrganization,
				this.sisterChapterIds);
	}

	/** When the event the details came from occurred. */
	Instant detailsAsOf() {
		return (this.asOf != null) ? this.asOf : this.registeredAt;
	}

	@Override
	public String toString() {
		return "ChapterDocument[id=" + this.id + ", state=" + this.state + ", asOf=" + detailsAsOf() + "]";
	}

}
