package org.groundgame.volunteer.volunteer;

import org.groundgame.volunteer.volunteer.Contact.SignUp;
import org.groundgame.volunteer.volunteer.SignUpRequest.ConsentFields;

/**
 * The body of {@code POST /api/shifts/{shiftId}/walk-ins}: the person the organizers
 * check in on the day, in the sign-up's words (the phone optional), and their hours (by
 * default the shift's length). Checked by the domain ({@link Contact#of}), every field at
 * fault in one answer.
 *
 * @param chapterId the volunteer's chapter when new, by default the shift's
 */
record WalkInRequest(String name, String email, String phone, String zip, String state, String chapterId,
		ConsentFields consent, String language, Double hours) {

	SignUp toSignUp() {
		ConsentFields given = (this.consent != null) ? this.consent : new ConsentFields(null, null);
		return SignUp.of(this.name, this.email)
			.withPhone(this.phone)
			.livingIn(this.zip, this.state)
			.inChapter(this.chapterId)
			.withConsent(SignUpRequest.statement(given.email()), SignUpRequest.statement(given.sms()))
			.inLanguage(this.language);
	}

	/** Never the person's data in a log line. */
	@Override
	public String toString() {
		return "WalkInRequest[chapterId=" + this.chapterId + ", hours=" + this.hours + "]";
	}

}
