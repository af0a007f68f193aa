package org.groundgame.volunteer.chapter;

import java.time.Instant;
import java.util.List;

/**
 * A chapter as the API shows it.
 *
 * @param sisterChapterIds the sister chapters this chapter names itself (what an update
 * replaces)
 * @param sisterChapters its sisters both ways: those it names and those that name it
 */
record ChapterResponse(String id, String name, String state, String city, String contactEmail,
		String parentOrganization, List<String> sisterChapterIds, List<SisterChapter> sisterChapters,
		Instant registeredAt) {

	static ChapterResponse of(ChapterView view) {
		Chapter chapter = view.chapter();
		return new ChapterResponse(chapter.id(), chapter.name().value(), chapter.state().code(), chapter.city(),
				chapter.contactEmail().value(), chapter.parentOrganization(), chapter.sisterChapterIds(),
				view.sisterChapters(), chapter.registeredAt());
	}

}
