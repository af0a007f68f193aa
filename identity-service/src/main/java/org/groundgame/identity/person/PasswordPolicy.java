package org.groundgame.identity.person;

import java.nio.charset.StandardCharsets;

import org.groundgame.support.domain.InvalidInputException;

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
	 * @throws InvalidInputException naming {@code password} (or {@code confirmation})
	 * with the reason the password is refused
	 */
	void check(String password, String confirmation, String username) {
		if (password == null || password.isEmpty()) {
			throw new InvalidInputException("password", "is required");
		}
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			throw new InvalidInputException("password", "must be at least " + MIN_LENGTH + " characters");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new InvalidInputException("password", "must be at most " + MAX_BYTES + " bytes");
		}
		if (password.equalsIgnoreCase(username)) {
			throw new InvalidInputException("password", "must not be your e-mail address");
		}
		if (this.compromised.check(password).isCompromised()) {
			throw new InvalidInputException("password",
					"is one of the most common passwords, which are guessed first: choose another");
		}
		if (confirmation != null && !confirmation.equals(password)) {
			throw new InvalidInputException("confirmation", "does not match the password");
		}
	}

}
