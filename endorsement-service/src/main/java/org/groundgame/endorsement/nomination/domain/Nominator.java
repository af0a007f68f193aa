package org.groundgame.endorsement.nomination.domain;

import org.groundgame.endorsement.common.domain.Text;

/**
 * Who nominated the candidate: a member, a chapter, or both; every part is optional.
 *
 * @param name the person's name; private
 * @param email the person's e-mail; private
 * @param chapterId the nominating chapter, which events name so that the chapter hears
 * back
 */
public record Nominator(String name, String email, String chapterId) {

	public Nominator {
		name = Text.optional(name);
		email = Text.optional(email);
		chapterId = Text.optional(chapterId);
	}

	/** A nomination by a chapter, with no person named. */
	public static Nominator chapter(String chapterId) {
		return new Nominator(null, null, chapterId);
	}

	/** The same person, nominating on behalf of this chapter. */
	public Nominator forChapter(String chapterId) {
		return new Nominator(this.name, this.email, chapterId);
	}

	/** The same nominating chapter without the person: their name and e-mail. */
	public Nominator withoutPerson() {
		return chapter(this.chapterId);
	}

	public boolean isEmpty() {
		return this.name == null && this.email == null && this.chapterId == null;
	}

}
