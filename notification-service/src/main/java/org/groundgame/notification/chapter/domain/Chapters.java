package org.groundgame.notification.chapter.domain;

import java.util.Optional;

/**
 * The chapters known so far, by id (see {@link ChapterDirectory} on when one is known).
 */
@FunctionalInterface
public interface Chapters {

	Optional<Chapter> byId(String chapterId);

}
