package org.groundgame.identity.person;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.password.CompromisedPasswordChecker;
import org.springframework.security.authentication.password.CompromisedPasswordDecision;
import org.springframework.stereotype.Component;

/**
 * Spring Security's {@link CompromisedPasswordChecker} over a list bundled in the jar
 * ({@code passwords/common-passwords.txt}, see {@code passwords/README.md} for its origin
 * and licence): the most common passwords of real leaks, compared without regard to case.
 * No network call: nothing is downloaded at run time, and no part of a password leaves
 * the service.
 */
@Component
class CommonPasswords implements CompromisedPasswordChecker {

	static final String RESOURCE = "passwords/common-passwords.txt";

	private final Set<String> common;

	CommonPasswords() {
		this.common = load();
	}

	@Override
	public CompromisedPasswordDecision check(String password) {
		return new CompromisedPasswordDecision(
				password != null && this.common.contains(password.toLowerCase(Locale.ROOT)));
	}

	int size() {
		return this.common.size();
	}

	private static Set<String> load() {
		Set<String> passwords = new HashSet<>(120_000);
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream();
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isEmpty()) {
					passwords.add(line.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The list of common passwords is part of the jar", ex);
		}
		return Set.copyOf(passwords);
	}

}
