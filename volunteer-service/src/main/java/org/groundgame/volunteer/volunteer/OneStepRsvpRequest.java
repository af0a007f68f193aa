package org.groundgame.volunteer.volunteer;

import org.groundgame.volunteer.volunteer.Contact.SignUp;
import org.groundgame.volunteer.volunteer.SignUpRequest.ConsentFields;

/**
 * The body of {@code POST /api/shifts/{shiftId}/rsvps}: who RSVPs, in the same words as
 * the sign-up ({@link SignUpRequest}), with the phone required. Only what a person may
 * say about themselves; checked by the domain ({@link Contact#of}), every field at fault
 * in one answer.
 */
record OneStepRsvpRequest(String name, String email, String phone, String zip, String state, String chapterId,
		ConsentFields consent, String language, String source) {

	SignUp toSignUp() {
		ConsentFields given = (this.consent != null) ? this.consent : new ConsentFields(null, null);
		return SignUp.of(this.name, this.email)
			.withPhone(this.phone)
			.livingIn(this.zip, this.state)
			.inChapter(this.chapterId)
			.withConsent(SignUpRequest.statement(given.email()), SignUpRequest.statement(given.sms()))
			.from(this.source, null)
			.inLanguage(this.language)
			.withPhoneRequired();
	}

	/** Never the person's data in a log line. */
	@Override
	public String toString() {
		return "OneStepRsvpRequest[chapterId=" + this.chapterId + "]";
	}

}
