package org.groundgame.training.cohort;

import java.util.ArrayList;
import java.util.List;

import org.groundgame.support.domain.InvalidInputException;
import org.groundgame.support.domain.InvalidInputException.FieldError;

/** Collects every field at fault, so that one answer names them all. */
final class FieldProblems {

	private final List<FieldError> errors = new ArrayList<>();

	void add(String field, String message) {
		this.errors.add(new FieldError(field, message));
	}

	boolean isEmpty() {
		return this.errors.isEmpty();
	}

	/**
	 * @throws InvalidInputException naming every field at fault, if any
	 */
	void throwIfAny() {
		if (!this.errors.isEmpty()) {
			throw new InvalidInputException(this.errors);
		}
	}

	/** Text that is optional, at most {@code max} long; blank is absent. */
	String optional(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > max) {
			add(field, "must be at most " + max + " characters");
		}
		return stripped;
	}

	/** Text that is required, at most {@code max} long. */
	String required(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			add(field, "is required");
			return null;
		}
		return optional(field, value, max);
	}

}
