package org.groundgame.volunteer.opportunity;

import java.util.Optional;

import org.groundgame.support.geography.UsState;
import org.groundgame.volunteer.chapter.RegisteredChapters;

import org.springframework.stereotype.Component;

/**
 * The state a registered chapter is in: a chapter organizes opportunities in its own
 * state only. Asks the chapter feature ({@link RegisteredChapters}).
 */
@Component
class ChapterStates {

	private final RegisteredChapters chapters;

	ChapterStates(RegisteredChapters chapters) {
		this.chapters = chapters;
	}

	/** The chapter's state, or empty when no such chapter is registered. */
	Optional<UsState> stateOf(String chapterId) {
		if (chapterId == null || chapterId.isBlank()) {
			return Optional.empty();
		}
		return this.chapters.stateOf(chapterId.strip()).flatMap(UsState::fromCode);
	}

	boolean isRegistered(String chapterId) {
		return stateOf(chapterId).isPresent();
	}

}
