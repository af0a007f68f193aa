package org.groundgame.identity.person;

import org.groundgame.support.domain.InvalidInputException;

/**
 * A new password the {@link PasswordPolicy} refuses, with the reason as a value, so that
 * the pages can say it in the reader's language (the message stays English, for logs and
 * any API).
 */
public class PasswordRefused extends InvalidInputException {

	private final Reason reason;

	private final int limit;

	PasswordRefused(Reason reason, String message, int limit) {
		super((reason == Reason.MISMATCH) ? "confirmation" : "password", message);
		this.reason = reason;
		this.limit = limit;
	}

	/** Why the password is refused. */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * The length the password broke ({@link Reason#TOO_SHORT} in characters,
	 * {@link Reason#TOO_LONG} in bytes), or 0.
	 */
	public int limit() {
		return this.limit;
	}

	/** The policy's reasons to refuse a password. */
	public enum Reason {

		REQUIRED, TOO_SHORT, TOO_LONG, USERNAME, COMMON, MISMATCH

	}

}
