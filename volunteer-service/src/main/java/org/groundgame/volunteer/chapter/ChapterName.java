package org.groundgame.volunteer.chapter;

import java.util.Locale;
import java.util.regex.Pattern;

import org.groundgame.support.domain.InvalidInputException;

/**
 * A chapter's name as its organizers write it, and the key that makes two spellings of
 * the same name the same chapter ("Mobilize Missouri" and " mobilize MISSOURI").
 */
record ChapterName(String value) {

	static final int MAX_LENGTH = 200;

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	ChapterName {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException("name", "must not be blank");
		}
		value = value.strip();
		if (value.length() > MAX_LENGTH) {
			throw new InvalidInputException("name", "must be at most " + MAX_LENGTH + " characters");
		}
	}

	/**
	 * The name compared without regard to case or spacing: at most one chapter of a state
	 * has a given key.
	 */
	String key() {
		return WHITESPACE.matcher(this.value).replaceAll(" ").toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
