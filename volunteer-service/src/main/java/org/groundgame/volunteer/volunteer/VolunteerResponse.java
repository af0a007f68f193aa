package org.groundgame.volunteer.volunteer;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/** A volunteer as the API shows it to staff and to their chapter. */
@JsonInclude(Include.NON_NULL)
record VolunteerResponse(String id, String name, String email, String phone, String zip, String state, String chapterId,
		List<String> interests, ConsentResponse consent, String source, String referralCode, Instant signedUpAt,
		Instant updatedAt, String language) {

	static VolunteerResponse of(Volunteer volunteer) {
		return new VolunteerResponse(volunteer.id(), volunteer.name(), volunteer.email(), volunteer.phone(),
				volunteer.zip(), (volunteer.state() != null) ? volunteer.state().code() : null, volunteer.chapterId(),
				volunteer.interests().stream().map(Interest::name).sorted().toList(),
				new ConsentResponse(volunteer.emailConsent(), volunteer.smsConsent()), volunteer.source(),
				volunteer.referralCode(), volunteer.signedUpAt(), volunteer.updatedAt(), volunteer.language().code());
	}

	/**
	 * The answer to a sign-up: what the caller sent, as checked and normalized (the phone
	 * in E.164), and the id; nothing from before, so that it does not tell whether the
	 * address was known.
	 */
	static VolunteerResponse signedUp(String id, Contact contact) {
		return new VolunteerResponse(id, contact.name(), contact.email(), contact.phone(), contact.zip(),
				(contact.state() != null) ? contact.state().code() : null, contact.chapterId(),
				contact.interests().stream().map(Interest::name).sorted().toList(),
				new ConsentResponse(contact.emailConsent(), contact.smsConsent()), contact.source(),
				contact.referralCode(), null, null,
				((contact.language() != null) ? contact.language() : Language.EN).code());
	}

	/** Consent per channel: its status, and when and how it was given. */
	record ConsentResponse(ChannelConsent email, ChannelConsent sms) {
	}

}
