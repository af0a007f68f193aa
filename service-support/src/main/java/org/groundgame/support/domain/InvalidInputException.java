package org.groundgame.support.domain;

import java.util.List;

/**
 * Input that breaks a rule only the domain can check (answered as {@code 400} with the
 * fields at fault). Plain Java, so domains may throw it.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidInputException(String field, String message) {
		this(List.of(new FieldError(field, message)));
	}

	public InvalidInputException(List<FieldError> errors) {
		super(errors.stream().map((error) -> error.field() + " " + error.message()).toList().toString());
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	public record FieldError(String field, String message) {
	}

}
