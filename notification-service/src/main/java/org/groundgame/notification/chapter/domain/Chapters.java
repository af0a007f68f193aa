package org.groundgame.notification.chapter.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The chapters known so far, by id (see {@link ChapterDirectory} on when one is known).
 */
@FunctionalInterface
public interface Chapters {

	Optional<Chapter> byId(String chapterId);

	/** The known chapters among some ids, by id; unknown ids are absent. */
	default Map<String, Chapter> byIds(Collection<String> chapterIds) {
		Map<String, Chapter> known = new LinkedHashMap<>();
		chapterIds.forEach((id) -> byId(id).ifPresent((chapter) -> known.put(id, chapter)));
		return known;
	}

}
