package org.groundgame.volunteer.volunteer;

import java.util.Locale;
import java.util.Optional;

/**
 * The language a volunteer reads, for what the platform writes to them (e-mails, pages):
 * English unless they chose Spanish. Not personal data: it is stored and published in
 * clear.
 */
public enum Language {

	EN, ES;

	static final String INVALID_MESSAGE = "must be en or es";

	/** The code written in the API and the events: {@code en}, {@code es}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** {@code en} or {@code es}, in any case and with surrounding blanks. */
	static Optional<Language> parse(String code) {
		if (code == null) {
			return Optional.empty();
		}
		for (Language language : values()) {
			if (language.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
				return Optional.of(language);
			}
		}
		return Optional.empty();
	}

}
