package org.groundgame.volunteer.chapter;

import java.util.regex.Pattern;

import org.groundgame.support.domain.InvalidInputException;

/**
 * The chapter's own, organizational e-mail address: where the platform writes to the
 * chapter.
 */
record ContactEmail(String value) {

	static final int MAX_LENGTH = 254;

	/**
	 * One {@code @}, no blanks, and a dot in the domain: stricter than RFC 5322 allows,
	 * as a chapter's address is always on a public domain.
	 */
	static final String PATTERN = "[^\\s@]+@[^\\s@]+\\.[^\\s@]+";

	private static final Pattern COMPILED = Pattern.compile(PATTERN);

	ContactEmail {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException("contactEmail", "must not be blank");
		}
		value = value.strip();
		if (value.length() > MAX_LENGTH || !COMPILED.matcher(value).matches()) {
			throw new InvalidInputException("contactEmail", "must be a well-formed e-mail address");
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
