package org.groundgame.web.volunteers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "join the team" form as posted. Nothing is checked here: the API checks it and
 * names the fields at fault, which the page shows next to them.
 *
 * @param name the person's name
 * @param email their e-mail address
 * @param phone their phone, if they give it
 * @param zip their zip code
 * @param state their state
 * @param chapterId the chapter they join, if any
 * @param interests what they would like to do
 * @param consentEmail whether they agree to be e-mailed
 * @param consentSms whether they agree to get text messages
 */
public record JoinForm(String name, String email, String phone, String zip, String state, String chapterId,
		List<String> interests, Boolean consentEmail, Boolean consentSms) {

	/** The API's names of the fields whose form names differ. */
	static final Map<String, String> FIELD_NAMES = Map.of("consent.email", "consentEmail", "consent.sms", "consentSms",
			"consent", "consentEmail");

	public JoinForm {
		interests = (interests != null) ? interests : List.of();
	}

	static JoinForm empty(String chapterId) {
		return new JoinForm(null, null, null, null, null, chapterId, List.of(), false, false);
	}

	/**
	 * The body of {@code POST /api/volunteers}.
	 * @param language the language the person reads the site in, for their e-mails
	 * @return the request body
	 */
	Map<String, Object> toRequest(String language) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", this.name);
		body.put("email", this.email);
		putIfPresent(body, "phone", this.phone);
		putIfPresent(body, "zip", this.zip);
		putIfPresent(body, "state", this.state);
		putIfPresent(body, "chapterId", this.chapterId);
		body.put("interests", this.interests);
		body.put("consent",
				Map.of("email", Boolean.TRUE.equals(this.consentEmail), "sms", Boolean.TRUE.equals(this.consentSms)));
		body.put("source", "website");
		body.put("language", language);
		return body;
	}

	static void putIfPresent(Map<String, Object> body, String name, String value) {
		if (value != null && !value.isBlank()) {
			body.put(name, value.strip());
		}
	}

}
