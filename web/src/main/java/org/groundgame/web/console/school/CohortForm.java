package org.groundgame.web.console.school;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A new cohort as the school's staff fill it in: the session days and the reflection
 * questions one a line, numbers as typed. The API decides what is valid; the form only
 * turns the lines into lists and refuses what is not a date or a number at all.
 */
record CohortForm(String name, String track, String format, String location, String sessions,
		String applicationDeadline, String capacity, String offerHours, String reflectionQuestions) {

	static CohortForm empty() {
		return new CohortForm(null, "CANDIDATE", "IN_PERSON", null, null, null, "20", "48", null);
	}

	/**
	 * The fields that are not even of their type, by form field, with the key of their
	 * message.
	 */
	Map<String, String> malformed() {
		Map<String, String> problems = new LinkedHashMap<>();
		for (String day : lines(this.sessions)) {
			if (date(day) == null) {
				problems.put("sessions", "console.school.form.sessions.malformed");
				break;
			}
		}
		if (!blank(this.applicationDeadline) && date(this.applicationDeadline.strip()) == null) {
			problems.put("applicationDeadline", "console.school.form.date.malformed");
		}
		if (!blank(this.capacity) && number(this.capacity) == null) {
			problems.put("capacity", "console.school.form.number.malformed");
		}
		if (!blank(this.offerHours) && number(this.offerHours) == null) {
			problems.put("offerHours", "console.school.form.number.malformed");
		}
		return problems;
	}

	/**
	 * The request to open the cohort (call only when nothing is {@link #malformed()}).
	 */
	Map<String, Object> toRequest() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", trimmed(this.name));
		body.put("track", this.track);
		body.put("format", this.format);
		body.put("location", trimmed(this.location));
		body.put("sessions", lines(this.sessions).stream().map(CohortForm::date).map(LocalDate::toString).toList());
		body.put("applicationDeadline", blank(this.applicationDeadline) ? null : this.applicationDeadline.strip());
		body.put("capacity", blank(this.capacity) ? null : number(this.capacity));
		body.put("offerHours", blank(this.offerHours) ? null : number(this.offerHours));
		body.put("reflectionQuestions", lines(this.reflectionQuestions));
		return body;
	}

	static List<String> lines(String text) {
		if (text == null) {
			return List.of();
		}
		return new ArrayList<>(
				Arrays.stream(text.split("\\R")).map(String::strip).filter((line) -> !line.isEmpty()).toList());
	}

	private static LocalDate date(String text) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static Integer number(String text) {
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String trimmed(String text) {
		return blank(text) ? null : text.strip();
	}

}
