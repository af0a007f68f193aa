package org.groundgame.volunteer.volunteer;

import java.util.List;
import java.util.Locale;

import org.groundgame.volunteer.volunteer.Contact.SignUp;

/**
 * The body of {@code POST /api/volunteers}: only what a person may say about themselves.
 * Every rule is checked by the domain ({@link Contact#of}), so that one answer names
 * every field at fault. Consent per channel is {@code true} (opted in), {@code false}
 * (opted out), absent (unspecified), or one of {@code OPT_IN}, {@code OPT_OUT},
 * {@code UNSPECIFIED}. {@code language} is {@code en} or {@code es} (any case), English
 * when absent.
 */
record SignUpRequest(String name, String email, String phone, String zip, String state, String chapterId,
		List<String> interests, ConsentFields consent, String source, String referralCode, String language) {

	SignUp toSignUp() {
		ConsentFields given = (this.consent != null) ? this.consent : new ConsentFields(null, null);
		return new SignUp(this.name, this.email, this.phone, this.zip, this.state, this.chapterId, this.interests,
				statement(given.email()), statement(given.sms()), this.source, this.referralCode, this.language, false);
	}

	static String statement(Object given) {
		if (given == null) {
			return null;
		}
		if (given instanceof Boolean optedIn) {
			return optedIn ? ConsentStatus.OPT_IN.name() : ConsentStatus.OPT_OUT.name();
		}
		return String.valueOf(given).toUpperCase(Locale.ROOT);
	}

	/** Consent per channel, as a boolean or a status. */
	record ConsentFields(Object email, Object sms) {
	}

	/** Never the person's data in a log line. */
	@Override
	public String toString() {
		return "SignUpRequest[chapterId=" + this.chapterId + "]";
	}

}
