package org.groundgame.notification.chapter.domain;

import java.util.LinkedHashSet;
import java.util.Set;

import org.groundgame.support.geography.UsState;

/**
 * The chapters known so far, as notification targets. Eventually consistent with
 * volunteer-service: a chapter appears once its {@code ChapterRegistered} event has been
 * consumed.
 */
@FunctionalInterface
public interface ChapterDirectory {

	/** The ids of the chapters in a state (a two-letter code, in any case). */
	Set<String> chapterIdsIn(String state);

	/**
	 * The ids of every chapter known, for what concerns chapters wherever they are. By
	 * default asked state by state; a directory that can list them at once should.
	 */
	default Set<String> allChapterIds() {
		Set<String> every = new LinkedHashSet<>();
		for (UsState state : UsState.values()) {
			every.addAll(chapterIdsIn(state.code()));
		}
		return every;
	}

}
