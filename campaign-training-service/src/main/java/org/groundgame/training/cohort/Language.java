package org.groundgame.training.cohort;

import java.util.Locale;

import org.groundgame.support.domain.FieldProblems;

/**
 * The languages the school writes to people in (the e-mails about an application or an
 * alert): English unless the person chose Spanish. Not personal data.
 */
public enum Language {

	EN, ES;

	/** The code written in events and bodies: {@code en}, {@code es}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The language a person chose: {@code en} or {@code es}, case aside; English when
	 * none.
	 * @return the language, or {@code null} when the value is none of them (added to the
	 * problems under {@code field})
	 */
	public static Language parse(FieldProblems problems, String field, String value) {
		if (value == null) {
			return EN;
		}
		for (Language language : values()) {
			if (language.code().equals(value.strip().toLowerCase(Locale.ROOT))) {
				return language;
			}
		}
		problems.add(field, "must be one of [en, es]");
		return null;
	}

	/** The stored code read back; English for what was stored before languages. */
	public static Language ofCode(String code) {
		return (code != null) ? valueOf(code.toUpperCase(Locale.ROOT)) : EN;
	}

}
