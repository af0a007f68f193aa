package org.groundgame.identity.person;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.groundgame.identity.IdentityConfiguration.IdentityProperties;
import org.groundgame.identity.guard.FailureWindowStore;
import org.groundgame.identity.guard.FailureWindows;
import org.groundgame.identity.person.PersonStore.Link;
import org.groundgame.support.domain.CapabilityTokens;
import org.groundgame.support.secrets.KeyEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * A person's own account: setting their password through their invitation link, resetting
 * a forgotten one through an e-mailed link, and their authenticator (enrolling one,
 * checking its one-time codes). Each link's token is 32 random bytes, kept only as its
 * SHA-256, and works once: the update that sets the password is conditioned on the
 * token's hash and expiry and removes it, so two uses at the same time set one password.
 * A one-time code is accepted once: the update that records its time step is conditioned
 * on no later step having been used.
 */
@Service
public class AccountService {

	private static final Logger log = LoggerFactory.getLogger(AccountService.class);

	/**
	 * Reset e-mails per username within the sign-in period, so a mailbox is not flooded.
	 */
	private static final int RESET_EMAILS_PER_PERIOD = 3;

	private final PersonStore people;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final KeyEncryption keyEncryption;

	private final AccountMail mail;

	private final Clock clock;

	private final IdentityProperties properties;

	private final FailureWindows resetRequests;

	AccountService(PersonStore people, PasswordEncoder passwords, PasswordPolicy policy, KeyEncryption keyEncryption,
			AccountMail mail, Clock clock, IdentityProperties properties, FailureWindowStore windows) {
		this.people = people;
		this.passwords = passwords;
		this.policy = policy;
		this.keyEncryption = keyEncryption;
		this.mail = mail;
		this.clock = clock;
		this.properties = properties;
		this.resetRequests = new FailureWindows(windows, "password-reset-username", properties.signIn().period(),
				properties.signIn().maxTrackedKeys());
	}

	/** The person an invitation link is for, while it works. */
	public Optional<Person> invitation(String token) {
		return byToken(Link.INVITATION, token);
	}

	/** The person a password-reset link is for, while it works. */
	public Optional<Person> passwordReset(String token) {
		return byToken(Link.PASSWORD_RESET, token);
	}

	/**
	 * Sets the invited person's password; the link stops working.
	 * @return the person, or empty when the link does not work (unknown, used, expired,
	 * or the person disabled)
	 * @throws PasswordRefused naming {@code password} or {@code confirmation}
	 */
	public Optional<Person> acceptInvitation(String token, String password, String confirmation) {
		return setPassword(Link.INVITATION, token, password, confirmation, "accepted their invitation");
	}

	/**
	 * Sets a new password through a reset link; the link stops working.
	 * @return the person, or empty when the link does not work
	 * @throws PasswordRefused naming {@code password} or {@code confirmation}
	 */
	public Optional<Person> resetPassword(String token, String password, String confirmation) {
		return setPassword(Link.PASSWORD_RESET, token, password, confirmation, "reset their password");
	}

	/**
	 * E-mails a reset link if the address belongs to a person who may sign in; says
	 * nothing either way (the caller answers the same). A new link replaces an earlier
	 * one.
	 */
	public void requestPasswordReset(String email) {
		String username = Person.normalise(email);
		if (username == null || username.isEmpty() || username.length() > Person.MAX_EMAIL_LENGTH) {
			return;
		}
		Optional<PersonDocument> found = this.people.byUsername(username);
		if (found.isEmpty() || !found.get().toPerson().maySignIn()) {
			return;
		}
		if (this.resetRequests.add(username).count() > RESET_EMAILS_PER_PERIOD) {
			log.info("No password-reset e-mail for person {}: too many asked for recently", found.get().getId());
			return;
		}
		String token = CapabilityTokens.newToken();
		Instant expiresAt = this.clock.instant().plus(this.properties.accounts().passwordResetTtl());
		if (this.people.startPasswordReset(found.get().getId(), CapabilityTokens.hash(token), expiresAt)) {
			this.mail.passwordReset(found.get().toPerson(), token);
			log.info("Password-reset link sent to person {}", found.get().getId());
		}
	}

	/**
	 * Whether the code is the person's one-time code now, not used before; a right code
	 * is used up.
	 */
	public boolean checkCode(String username, String code) {
		Optional<PersonDocument> found = this.people.byUsername(Person.normalise(username));
		if (found.isEmpty() || found.get().getTotpSecret() == null) {
			return false;
		}
		String secret = this.keyEncryption.open(found.get().getTotpSecret());
		OptionalLong step = Totp.matchingStep(secret, code, this.clock.instant());
		if (step.isEmpty()) {
			return false;
		}
		boolean used = this.people.useTotpStep(found.get().getId(), step.getAsLong());
		if (!used) {
			log.info("A one-time code of person {} was refused: its time step was used already", found.get().getId());
		}
		return used;
	}

	/**
	 * Enrols the authenticator given {@code secret}, once the person shows one of its
	 * codes (which is used up); a person who has one keeps it.
	 */
	public boolean enrol(String username, String secret, String code) {
		OptionalLong step = Totp.matchingStep(secret, code, this.clock.instant());
		if (step.isEmpty()) {
			return false;
		}
		Optional<PersonDocument> enrolled = this.people.enrolAuthenticator(Person.normalise(username),
				this.keyEncryption.seal(secret), step.getAsLong());
		enrolled.ifPresent((person) -> log.info("Person {} enrolled an authenticator", person.getId()));
		return enrolled.isPresent();
	}

	/** The {@code otpauth://} URI of a secret for the person. */
	public String authenticatorUri(String username, String secret) {
		return Totp.uri(this.properties.accounts().totpIssuer(), username, secret);
	}

	private Optional<Person> byToken(Link link, String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return this.people.byLink(link, CapabilityTokens.hash(token.strip()), this.clock.instant())
			.map(PersonDocument::toPerson);
	}

	private Optional<Person> setPassword(Link link, String token, String password, String confirmation, String what) {
		Optional<Person> person = byToken(link, token);
		if (person.isEmpty()) {
			return Optional.empty();
		}
		this.policy.check(password, confirmation, person.get().username());
		Optional<PersonDocument> updated = this.people.setPasswordByLink(link, CapabilityTokens.hash(token.strip()),
				this.clock.instant(), this.passwords.encode(password));
		updated.ifPresent((changed) -> log.info("Person {} {}", changed.getId(), what));
		return updated.map(PersonDocument::toPerson);
	}

}
