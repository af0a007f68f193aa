package org.groundgame.web.console.members;

import java.time.Instant;
import java.util.List;

/**
 * A member of a chapter as volunteer-service shows them to staff and to their chapter.
 *
 * @param consent what they said to e-mail and to texts, with when and how
 */
public record Member(String id, String name, String email, String phone, String zip, String state, String chapterId,
		List<String> interests, Consent consent, String source, Instant signedUpAt, String language) {

	public Member {
		interests = (interests != null) ? interests : List.of();
	}

	/** The status of their consent to e-mail: OPT_IN, OPT_OUT or UNSPECIFIED. */
	public String emailConsent() {
		return (this.consent != null && this.consent.email() != null) ? this.consent.email().status() : "UNSPECIFIED";
	}

	/** The status of their consent to texts. */
	public String smsConsent() {
		return (this.consent != null && this.consent.sms() != null) ? this.consent.sms().status() : "UNSPECIFIED";
	}

	/** Consent per channel. */
	public record Consent(Channel email, Channel sms) {

	}

	/** One channel's consent: its status, when it was given and how. */
	public record Channel(String status, Instant givenAt, String how) {

	}

	/**
	 * A member's hours, as volunteer-service totals them: only shifts attended count.
	 */
	public record Hours(String volunteerId, double hours, int shiftsAttended, int noShows, List<Shift> shifts) {

		public Hours {
			shifts = (shifts != null) ? shifts : List.of();
		}

	}

	/** A shift of a member's, attended or missed. */
	public record Shift(String shiftId, String opportunityId, String title, Instant startsAt, boolean attended,
			Double hours) {

	}

}
