package org.groundgame.web.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A service refused a request with an RFC 9457 problem document (a 4xx): the status, its
 * title and detail, and for invalid input the fields at fault, which a page shows next to
 * its fields.
 */
public final class ApiProblem extends RuntimeException {

	private final int status;

	private final String title;

	private final String detail;

	private final List<FieldProblem> errors;

	public ApiProblem(int status, String title, String detail, List<FieldProblem> errors) {
		super("The service answered " + status + ": " + title);
		this.status = status;
		this.title = title;
		this.detail = detail;
		this.errors = (errors != null) ? List.copyOf(errors) : List.of();
	}

	public int status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	public String detail() {
		return this.detail;
	}

	public List<FieldProblem> errors() {
		return this.errors;
	}

	public boolean isNotFound() {
		return this.status == 404;
	}

	public boolean isConflict() {
		return this.status == 409;
	}

	/**
	 * The message of each field at fault, by field name (the first message when a field
	 * has several), in the order the API named them.
	 * @return field name to message
	 */
	public Map<String, String> fieldMessages() {
		return this.errors.stream()
			.filter((error) -> error.field() != null)
			.collect(Collectors.toMap(FieldProblem::field, FieldProblem::message, (first, second) -> first,
					LinkedHashMap::new));
	}

	/**
	 * One field at fault.
	 *
	 * @param field the field's name in the API's request body, e.g. {@code email} or
	 * {@code consent.email}
	 * @param message what is wrong with it
	 */
	public record FieldProblem(String field, String message) {

	}

}
