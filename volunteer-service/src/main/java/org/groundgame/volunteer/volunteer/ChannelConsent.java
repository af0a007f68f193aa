package org.groundgame.volunteer.volunteer;

import java.time.Instant;
import java.util.Objects;

/**
 * Consent for one channel, with when and how it was given (as the proof a regulator or a
 * volunteer may ask for).
 *
 * @param status what the volunteer said
 * @param givenAt when they said it, {@code null} while unspecified
 * @param how how they said it (the sign-up form, and where it was found), {@code null}
 * while unspecified
 */
record ChannelConsent(ConsentStatus status, Instant givenAt, String how) {

	static final ChannelConsent UNSPECIFIED = new ChannelConsent(ConsentStatus.UNSPECIFIED, null, null);

	ChannelConsent {
		Objects.requireNonNull(status, "status");
	}

	boolean optedIn() {
		return this.status == ConsentStatus.OPT_IN;
	}

	/**
	 * The consent after a new statement: an unspecified one leaves the earlier statement
	 * as it was.
	 */
	ChannelConsent restatedAs(ChannelConsent statement) {
		return (statement.status() == ConsentStatus.UNSPECIFIED) ? this : statement;
	}

}
