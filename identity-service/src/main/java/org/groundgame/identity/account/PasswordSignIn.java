package org.groundgame.identity.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.groundgame.identity.person.People;
import org.groundgame.identity.person.Person;
import org.groundgame.identity.person.SecondFactor;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The sign-in form's password check: throttled ({@link SignInThrottle}) before the
 * password is looked at, then Spring Security's own check against the stored hash. A
 * person who needs a second factor is not signed in yet: they get a
 * {@link PendingSecondFactor}. Every refusal (unknown username, wrong password, a
 * disabled person, a person who has not set a password) is the same to the browser.
 */
@Component
public class PasswordSignIn implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final People people;

	private final SignInThrottle throttle;

	PasswordSignIn(People people, PasswordEncoder encoder, SignInThrottle throttle) {
		this.passwords = new DaoAuthenticationProvider(people);
		this.passwords.setPasswordEncoder(encoder);
		this.people = people;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = Person.normalise(authentication.getName());
		String address = address(authentication);
		Optional<Duration> wait = this.throttle.attempt(username, address);
		if (wait.isPresent()) {
			throw new SignInThrottledException(wait.get());
		}
		try {
			this.passwords.authenticate(
					UsernamePasswordAuthenticationToken.unauthenticated(username, authentication.getCredentials()));
		}
		catch (AuthenticationException ex) {
			this.throttle.failed();
			throw new BadCredentialsException("Sign-in failed");
		}
		this.throttle.succeeded(username, address);
		Person person = this.people.person(username).orElseThrow(() -> new BadCredentialsException("Sign-in failed"));
		if (person.needsSecondFactor()) {
			return new SignInFlow.PendingSecondFactor(username, person.authenticatorEnrolled(), Instant.now());
		}
		return signedIn(person, Instant.now(), null);
	}

	/** A person signed in: their role, and the factors they passed. */
	static Authentication signedIn(Person person, Instant passwordAt, Instant secondFactorAt) {
		List<GrantedAuthority> granted = new ArrayList<>();
		granted.add(new SimpleGrantedAuthority(person.role().authority()));
		// Factor authorities carry when each was passed: the ID token's auth_time.
		granted.add(FactorGrantedAuthority.withAuthority(SecondFactor.PASSWORD_AUTHORITY).issuedAt(passwordAt).build());
		if (secondFactorAt != null) {
			granted.add(FactorGrantedAuthority.withAuthority(SecondFactor.AUTHORITY).issuedAt(secondFactorAt).build());
		}
		return UsernamePasswordAuthenticationToken.authenticated(person.username(), null, granted);
	}

	static String address(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) ? details.getRemoteAddress() : "unknown";
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** A sign-in refused, unchecked, because the username or address failed too often. */
	static final class SignInThrottledException extends AuthenticationException {

		private final Duration wait;

		SignInThrottledException(Duration wait) {
			super("Too many failed sign-ins");
			this.wait = wait;
		}

		Duration waitFor() {
			return this.wait;
		}

	}

}
