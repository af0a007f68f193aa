package org.groundgame.identity.person;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.groundgame.identity.IdentityConfiguration.IdentityProperties;
import org.groundgame.identity.IdentityConfiguration.SeededUser;
import org.groundgame.support.secrets.KeyEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * The people who sign in through the browser, from {@code people}: who they are, and what
 * the sign-in form checks (the password hash; a disabled person, or one who has not set a
 * password yet, cannot sign in). Seeded at start-up from
 * {@code groundgame.identity.users[]}: created, or updated to match (role, chapter, name,
 * password and authenticator secret); a seeded person disabled through the API stays
 * disabled.
 */
@Service
public class People implements UserDetailsService, ApplicationRunner {

	/** Seeding again after another instance wrote the same person meanwhile. */
	private static final int SEED_ATTEMPTS = 3;

	private static final Logger log = LoggerFactory.getLogger(People.class);

	private final PersonStore people;

	private final PasswordEncoder passwords;

	private final IdentityProperties properties;

	private final KeyEncryption keyEncryption;

	private final Clock clock;

	People(PersonStore people, PasswordEncoder passwords, IdentityProperties properties, KeyEncryption keyEncryption,
			Clock clock) {
		this.people = people;
		this.passwords = passwords;
		this.properties = properties;
		this.keyEncryption = keyEncryption;
		this.clock = clock;
	}

	/** The person who signs in with that username (an e-mail address in any case). */
	public Optional<Person> person(String username) {
		return this.people.byUsername(Person.normalise(username)).map(PersonDocument::toPerson);
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		PersonDocument document = this.people.byUsername(Person.normalise(username))
			.filter((found) -> found.getPasswordHash() != null)
			.orElseThrow(() -> new UsernameNotFoundException("No such person"));
		Person person = document.toPerson();
		return User.withUsername(person.username())
			.password(document.getPasswordHash())
			.roles(person.role().name())
			.disabled(person.disabled())
			.build();
	}

	@Override
	public void run(ApplicationArguments args) {
		for (SeededUser seeded : this.properties.users()) {
			seed(seeded);
		}
	}

	private void seed(SeededUser seeded) {
		if (!StringUtils.hasText(seeded.username()) || !StringUtils.hasText(seeded.password())
				|| seeded.role() == null) {
			throw new IllegalStateException(
					"groundgame.identity.users[] need a username, a password and a role: " + seeded);
		}
		if (seeded.totpSecret() != null && !Totp.isSecret(seeded.totpSecret())) {
			throw new IllegalStateException(
					"groundgame.identity.users[].totp-secret must be at least 16 bytes in Base32: " + seeded);
		}
		String username = Person.normalise(seeded.username());
		String name = StringUtils.hasText(seeded.displayName()) ? seeded.displayName().strip() : username;
		String chapterId = StringUtils.hasText(seeded.chapterId()) ? seeded.chapterId().strip() : null;
		String secret = StringUtils.hasText(seeded.totpSecret()) ? seeded.totpSecret().strip() : null;
		// Two instances starting together seed the same people: whichever writes second
		// reads what the first wrote and brings it in line (the same configuration).
		for (int attempt = 1;; attempt++) {
			try {
				seed(seeded, username, name, chapterId, secret);
				return;
			}
			catch (DuplicateKeyException | OptimisticLockingFailureException ex) {
				if (attempt == SEED_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private void seed(SeededUser seeded, String username, String name, String chapterId, String secret) {
		PersonDocument existing = this.people.byUsername(username).orElse(null);
		if (existing == null) {
			Person person = Person.configured(UUID.randomUUID().toString(), username, name, seeded.role(), chapterId,
					secret != null, this.clock.instant());
			this.people.insert(PersonDocument.of(person, this.passwords.encode(seeded.password()), null, null,
					(secret != null) ? this.keyEncryption.seal(secret) : null));
			log.info("Seeded person {} created ({})", person.id(), person.role());
			return;
		}
		// Validates the role and chapter together.
		Person.configured(existing.getId(), username, name, seeded.role(), chapterId, false, this.clock.instant());
		String passwordHash = null;
		if (existing.getPasswordHash() == null
				|| !this.passwords.matches(seeded.password(), existing.getPasswordHash())) {
			passwordHash = this.passwords.encode(seeded.password());
		}
		String sealedSecret = null;
		if (secret != null && (existing.getTotpSecret() == null
				|| !secret.equalsIgnoreCase(this.keyEncryption.open(existing.getTotpSecret())))) {
			sealedSecret = this.keyEncryption.seal(secret);
		}
		if (!this.people.reseed(existing, seeded.role(), chapterId, name, passwordHash, sealedSecret)) {
			throw new OptimisticLockingFailureException(
					"Seeded person " + existing.getId() + " changed while being seeded");
		}
		log.info("Seeded person {} updated ({})", existing.getId(), seeded.role());
	}

}
