package org.groundgame.web.school;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An application to a cohort as posted.
 *
 * @param name the applicant's name
 * @param email their e-mail address, where their private link goes
 * @param state their state
 * @param chapterId their chapter, if any
 * @param plansToRun whether they plan to run for office
 * @param office the office they have in mind
 * @param answers their answers to the cohort's reflection questions, in order
 */
public record ApplicationForm(String name, String email, String state, String chapterId, Boolean plansToRun,
		String office, List<String> answers) {

	public ApplicationForm {
		answers = (answers != null) ? answers : List.of();
	}

	static ApplicationForm empty() {
		return new ApplicationForm(null, null, null, null, false, null, List.of());
	}

	public String answer(int index) {
		return (index < this.answers.size()) ? this.answers.get(index) : null;
	}

	Map<String, Object> toRequest(String language) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", this.name);
		body.put("email", this.email);
		put(body, "state", this.state);
		put(body, "chapterId", this.chapterId);
		body.put("plansToRun", Boolean.TRUE.equals(this.plansToRun));
		put(body, "office", this.office);
		body.put("answers", this.answers);
		body.put("language", language);
		return body;
	}

	private static void put(Map<String, Object> body, String name, String value) {
		if (value != null && !value.isBlank()) {
			body.put(name, value.strip());
		}
	}

}
