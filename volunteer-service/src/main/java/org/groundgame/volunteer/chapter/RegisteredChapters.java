package org.groundgame.volunteer.chapter;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Whether a chapter is registered, and in which state, for the other features of this
 * service (a volunteer joins a registered chapter only; a chapter organizes opportunities
 * in its own state only).
 */
@Component
public class RegisteredChapters {

	private final ChapterStore chapters;

	RegisteredChapters(ChapterStore chapters) {
		this.chapters = chapters;
	}

	public boolean isRegistered(String chapterId) {
		return chapterId != null && this.chapters.exists(chapterId);
	}

	/**
	 * The two-letter code of the state a registered chapter belongs to (a chapter's state
	 * never changes).
	 * @return the state's code, or empty when no chapter has that id
	 */
	public Optional<String> stateOf(String chapterId) {
		if (chapterId == null) {
			return Optional.empty();
		}
		return this.chapters.chapter(chapterId).map(ChapterDocument::getState);
	}

}
