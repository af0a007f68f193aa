package org.groundgame.training.pipeline;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A person's name as a match key: the same for "José O'Neil-Ruiz" and "jose oneil ruiz".
 * Accents, case, punctuation and extra spaces are ignored, so that a nominator's spelling
 * of a name meets the trainee's own. Personal data: kept only as long as the name is.
 */
final class NameKeys {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	/** Apostrophes join ("O'Neil" is "oneil"); other punctuation separates words. */
	private static final Pattern JOINING = Pattern.compile("['’`.]");

	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

	private NameKeys() {
	}

	/**
	 * @return the name's key, or {@code null} for no name (nothing to match on)
	 */
	static String of(String name) {
		if (name == null) {
			return null;
		}
		String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
		String joined = JOINING.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("");
		String key = SEPARATORS.matcher(joined).replaceAll(" ").strip();
		return key.isEmpty() ? null : key;
	}

}
