package org.groundgame.support.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Jackson's own reading of a JSON string (with its coercion rules), and then the
 * platform's refusal of {@link SafeText unsafe characters}: every {@code String} of every
 * request body, in an object, a list or an array, passes here.
 */
final class StrictStringDeserializer extends StringDeserializer {

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		String text = super.deserialize(parser, context);
		String problem = SafeText.problem(text);
		if (problem != null) {
			throw new UnsafeTextException(parser, problem);
		}
		return text;
	}

	/**
	 * A string refused for the characters it carries; its message is the reason the
	 * problem document gives for the field.
	 */
	static final class UnsafeTextException extends InvalidFormatException {

		private static final long serialVersionUID = 1L;

		private final String reason;

		UnsafeTextException(JsonParser parser, String reason) {
			// The value itself stays out of the exception: it may be personal data.
			super(parser, "String " + reason, null, String.class);
			this.reason = reason;
		}

		String reason() {
			return this.reason;
		}

	}

}
