package org.groundgame.identity.person;

import java.nio.charset.StandardCharsets;

import org.groundgame.identity.person.PasswordRefused.Reason;

import org.springframework.security.authentication.password.CompromisedPasswordChecker;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: at least {@value #MIN_LENGTH} characters, at most
 * {@value #MAX_BYTES} bytes (what bcrypt reads; Spring Security refuses longer), not the
 * username, and not one of the common passwords that leaks show people choose (checked
 * through Spring Security's {@link CompromisedPasswordChecker}). No rules about character
 * classes: length and the common-password check are what NIST SP 800-63B asks.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_BYTES = 72;

	private final CompromisedPasswordChecker compromised;

	PasswordPolicy(CompromisedPasswordChecker compromised) {
		this.compromised = compromised;
	}

	/**
	 * @throws PasswordRefused naming {@code password} (or {@code confirmation}) with the
	 * reason the password is refused
	 */
	void check(String password, String confirmation, String username) {
		if (password == null || password.isEmpty()) {
			throw new PasswordRefused(Reason.REQUIRED, "is required", 0);
		}
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			throw new PasswordRefused(Reason.TOO_SHORT, "must be at least " + MIN_LENGTH + " characters", MIN_LENGTH);
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new PasswordRefused(Reason.TOO_LONG, "must be at most " + MAX_BYTES + " bytes", MAX_BYTES);
		}
		if (password.equalsIgnoreCase(username)) {
			throw new PasswordRefused(Reason.USERNAME, "must not be your e-mail address", 0);
		}
		if (this.compromised.check(password).isCompromised()) {
			throw new PasswordRefused(Reason.COMMON,
					"is one of the most common passwords, which are guessed first: choose another", 0);
		}
		if (confirmation != null && !confirmation.equals(password)) {
			throw new PasswordRefused(Reason.MISMATCH, "does not match the password", 0);
		}
	}

}
