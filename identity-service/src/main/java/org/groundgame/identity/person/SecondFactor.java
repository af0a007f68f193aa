package org.groundgame.identity.person;

/**
 * The authority a signed-in person holds once they passed the one-time-code step (in the
 * spirit of Spring Security 7's {@code FACTOR_*} authorities): the token customizer
 * issues no token to a person who needs a second factor and lacks it.
 */
public final class SecondFactor {

	public static final String AUTHORITY = "FACTOR_TOTP";

	/** The authority of the first factor, the password. */
	public static final String PASSWORD_AUTHORITY = "FACTOR_PASSWORD";

	private SecondFactor() {
	}

}
