package org.groundgame.volunteer.chapter;

import java.time.Instant;

/** A chapter as the API shows it. */
record ChapterResponse(String id, String name, String state, String city, String contactEmail, Instant registeredAt) {

	static ChapterResponse of(Chapter chapter) {
		return new ChapterResponse(chapter.id(), chapter.name().value(), chapter.state().code(), chapter.city(),
				chapter.contactEmail().value(), chapter.registeredAt());
	}

}
