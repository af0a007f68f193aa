package org.groundgame.volunteer.chapter;

import org.springframework.stereotype.Component;

/**
 * Whether a chapter is registered, for the other features of this service (a volunteer
 * joins a registered chapter only).
 */
@Component
public class RegisteredChapters {

	private final ChapterRepository chapters;

	RegisteredChapters(ChapterRepository chapters) {
		this.chapters = chapters;
	}

	public boolean isRegistered(String chapterId) {
		return chapterId != null && this.chapters.existsById(chapterId);
	}

}
