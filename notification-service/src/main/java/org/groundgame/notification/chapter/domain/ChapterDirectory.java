package org.groundgame.notification.chapter.domain;

import java.util.Set;

/**
 * The chapters known so far, as notification targets. Eventually consistent with
 * volunteer-service: a chapter appears once its {@code ChapterRegistered} event has been
 * consumed.
 */
@FunctionalInterface
public interface ChapterDirectory {

	/** The ids of the chapters in a state (a two-letter code, in any case). */
	Set<String> chapterIdsIn(String state);

}
