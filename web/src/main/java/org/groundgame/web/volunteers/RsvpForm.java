package org.groundgame.web.volunteers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one-step RSVP as posted: which shift, and who.
 *
 * @param shiftId the shift chosen
 * @param name the person's name
 * @param email their e-mail address, where their private link goes
 * @param phone their phone, if they give it
 * @param consentEmail whether they agree to be e-mailed about volunteering
 * @param consentSms whether they agree to text messages
 */
public record RsvpForm(String shiftId, String name, String email, String phone, Boolean consentEmail,
		Boolean consentSms) {

	static final Map<String, String> FIELD_NAMES = Map.of("consent.email", "consentEmail", "consent.sms", "consentSms");

	static RsvpForm empty(String shiftId) {
		return new RsvpForm(shiftId, null, null, null, false, false);
	}

	Map<String, Object> toRequest(String language) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", this.name);
		body.put("email", this.email);
		JoinForm.putIfPresent(body, "phone", this.phone);
		body.put("consent",
				Map.of("email", Boolean.TRUE.equals(this.consentEmail), "sms", Boolean.TRUE.equals(this.consentSms)));
		body.put("language", language);
		return body;
	}

}
