package org.groundgame.notification.rule;

import java.util.Locale;

/**
 * The language a person reads what they are sent in: English, or Spanish ({@code es}). A
 * language missing or not known is English. Not personal data.
 */
public enum Language {

	ENGLISH(Locale.ENGLISH), SPANISH(Locale.forLanguageTag("es"));

	private final Locale locale;

	Language(Locale locale) {
		this.locale = locale;
	}

	/**
	 * The language of a tag as events carry it ({@code en}, {@code es}, {@code es-MX}).
	 * @param tag the tag, or {@code null}
	 * @return Spanish for {@code es} and its regions, else English
	 */
	public static Language of(String tag) {
		if (tag == null || tag.isBlank()) {
			return ENGLISH;
		}
		return Locale.forLanguageTag(tag.strip()).getLanguage().equals("es") ? SPANISH : ENGLISH;
	}

	/**
	 * The language an event says, or {@code null} when it says none (then the people
	 * projection's, or English, is used).
	 */
	public static Language told(String tag) {
		return (tag == null || tag.isBlank()) ? null : of(tag);
	}

	/** The language as a tag, {@code en} or {@code es}. */
	public String tag() {
		return this.locale.getLanguage();
	}

	public Locale locale() {
		return this.locale;
	}

	public boolean spanish() {
		return this == SPANISH;
	}

}
