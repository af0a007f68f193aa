package org.groundgame.support.web;

import org.jspecify.annotations.Nullable;

/**
 * The characters no text the platform accepts may carry, wherever it comes from (a JSON
 * field, a query or path parameter): C0 controls other than tab, line feed and carriage
 * return, DEL and the C1 controls, the bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069, which make a name read differently from what it is), and
 * UTF-16 surrogates that are not part of a pair (which no UTF-8 store or peer can hold).
 * Tab and line breaks stay allowed everywhere: free text (a statement, a reason, an
 * answer) needs them, and they harm neither the stores nor the pages, which escape what
 * they show.
 */
public final class SafeText {

	private SafeText() {
	}

	/**
	 * Why a text is refused.
	 * @param text the text
	 * @return a message for the field at fault, or {@code null} if the text is accepted
	 */
	public static @Nullable String problem(@Nullable String text) {
		if (text == null) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20) {
				if (c != '\t' && c != '\n' && c != '\r') {
					return "must not contain control characters";
				}
			}
			else if (c >= 0x7F && c <= 0x9F) {
				return "must not contain control characters";
			}
			else if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
				return "must not contain bidirectional override or isolate characters";
			}
			else if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
				}
				else {
					return "must not contain unpaired surrogates";
				}
			}
			else if (Character.isLowSurrogate(c)) {
				return "must not contain unpaired surrogates";
			}
		}
		return null;
	}

}
