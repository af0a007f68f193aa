package org.groundgame.web.site;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.groundgame.web.api.ApiProblem;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An API's problem document mapped onto a form: each field at fault gets its message next
 * to it, in the reader's language ({@code error.field.<field>} in the site's bundles; the
 * API's own English message where the bundle has none for English readers), and what
 * belongs to no field becomes the form's own message.
 */
@Component
public class FormErrors {

	private final MessageSource messages;

	FormErrors(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * @param problem what the API answered
	 * @param locale the reader's language
	 * @param fieldNames the API's field names mapped to the form's, for those that differ
	 * (e.g. {@code consent.email} to {@code consentEmail})
	 * @return the form's field name to its message
	 */
	public Map<String, String> byField(ApiProblem problem, Locale locale, Map<String, String> fieldNames) {
		Map<String, String> errors = new LinkedHashMap<>();
		problem.fieldMessages().forEach((field, message) -> {
			String formField = fieldNames.getOrDefault(field, field);
			String fallback = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? message
					: this.messages.getMessage("error.field.invalid", null, message, locale);
			errors.putIfAbsent(formField, this.messages.getMessage("error.field." + field, null, fallback, locale));
		});
		return errors;
	}

	/**
	 * The message of a problem that names no field (a full shift, a closed cohort).
	 * @param problem what the API answered
	 * @param locale the reader's language
	 * @param key the site's message for this kind of refusal
	 * @return the message
	 */
	public String general(ApiProblem problem, Locale locale, String key) {
		String fallback = (problem.detail() != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage()))
				? problem.detail() : this.messages.getMessage("error.form", null, "Please check the form.", locale);
		return this.messages.getMessage(key, null, fallback, locale);
	}

	/**
	 * @param key a message of the site's
	 * @param locale the reader's language
	 * @return the message
	 */
	public String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
