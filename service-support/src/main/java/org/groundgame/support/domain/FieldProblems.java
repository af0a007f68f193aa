package org.groundgame.support.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import org.groundgame.support.domain.InvalidInputException.FieldError;

/**
 * Collects every field at fault while a domain checks its input, so that one
 * {@link InvalidInputException} (one {@code 400} problem) names them all rather than the
 * first.
 */
public final class FieldProblems {

	private final List<FieldError> errors = new ArrayList<>();

	public void add(String field, String message) {
		this.errors.add(new FieldError(field, message));
	}

	public boolean isEmpty() {
		return this.errors.isEmpty();
	}

	/**
	 * @throws InvalidInputException naming every field at fault, if any
	 */
	public void throwIfAny() {
		if (!this.errors.isEmpty()) {
			throw new InvalidInputException(this.errors);
		}
	}

	/**
	 * Text that is optional, at most {@code max} long; blank is absent.
	 * @return the text stripped, or {@code null}
	 */
	public String optional(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > max) {
			add(field, "must be at most " + max + " characters");
		}
		return stripped;
	}

	/**
	 * Text that is required, at most {@code max} long.
	 * @return the text stripped, or {@code null} when missing
	 */
	public String required(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			add(field, "is required");
			return null;
		}
		return optional(field, value, max);
	}

	/**
	 * An https URL with a host, optional, at most 500 characters.
	 * @return the URL stripped, or {@code null}
	 */
	public String httpsUrl(String field, String value) {
		String link = optional(field, value, 500);
		if (link == null) {
			return null;
		}
		try {
			URI uri = new URI(link);
			if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getHost().isBlank()) {
				add(field, "must be an https URL");
			}
		}
		catch (URISyntaxException ex) {
			add(field, "must be an https URL");
		}
		return link;
	}

}
