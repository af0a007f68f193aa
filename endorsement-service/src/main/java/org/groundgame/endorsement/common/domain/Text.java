package org.groundgame.endorsement.common.domain;

import java.util.Locale;

import org.groundgame.support.domain.InvalidInputException;

/** How the domain treats free text: surrounding blanks never count. */
public final class Text {

	/** What stands for a required text that was erased. */
	public static final String ERASED = "(erased)";

	private Text() {
	}

	/** The text without surrounding blanks, or {@code null} when there is none. */
	public static String optional(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return text.strip();
	}

	/** The text without surrounding blanks; refuses a missing or blank one. */
	public static String required(String text, String field) {
		String value = optional(text);
		if (value == null) {
			throw new InvalidInputException(field, "must not be blank");
		}
		return value;
	}

	public static <T> T required(T value, String field) {
		if (value == null) {
			throw new InvalidInputException(field, "must not be null");
		}
		return value;
	}

	/**
	 * A form to compare names by: case, accents aside, and runs of blanks do not matter.
	 */
	public static String comparable(String text) {
		if (text == null) {
			return null;
		}
		String decomposed = java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "");
		return decomposed.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

}
