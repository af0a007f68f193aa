package org.groundgame.identity.person;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.groundgame.identity.IdentityConfiguration.IdentityProperties;
import org.groundgame.identity.IdentityConfiguration.SeededUser;
import org.groundgame.support.outbox.OutboxUpdates;
import org.groundgame.support.secrets.KeyEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.query.Update;
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

	private static final Logger log = LoggerFactory.getLogger(People.class);

	private final PersonRepository people;

	private final PasswordEncoder passwords;

	private final IdentityProperties properties;

	private final KeyEncryption keyEncryption;

	private final OutboxUpdates updates;

	private final Clock clock;

	People(PersonRepository people, PasswordEncoder passwords, IdentityProperties properties,
			KeyEncryption keyEncryption, OutboxUpdates updates, Clock clock) {
		this.people = people;
		this.passwords = passwords;
		this.properties = properties;
		this.keyEncryption = keyEncryption;
		this.updates = updates;
		this.clock = clock;
	}

	/** The person who signs in with that username (an e-mail address in any case). */
	public Optional<Person> person(String username) {
		return this.people.findByUsername(Person.normalise(username)).map(PersonDocument::toPerson);
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		PersonDocument document = this.people.findByUsername(Person.normalise(username))
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
		PersonDocument existing = this.people.findByUsername(username).orElse(null);
		if (existing == null) {
			Person person = new Person(UUID.randomUUID().toString(), username, name, seeded.role(), chapterId, false,
					true, secret != null, this.clock.instant());
			this.people.insert(PersonDocument.of(person, this.passwords.encode(seeded.password()), null, null,
					(secret != null) ? this.keyEncryption.seal(secret) : null));
			log.info("Seeded person {} created ({})", person.id(), person.role());
			return;
		}
		Update update = new Update().set(PersonDocument.ROLE, seeded.role().name())
			.set(PersonDocument.CHAPTER_ID, chapterId)
			.set("displayName", name)
			.unset(PersonDocument.INVITATION_HASH)
			.unset(PersonDocument.INVITATION_EXPIRES_AT);
		// Validates the role and chapter together.
		new Person(existing.getId(), username, name, seeded.role(), chapterId, false, true, false,
				this.clock.instant());
		if (existing.getPasswordHash() == null
				|| !this.passwords.matches(seeded.password(), existing.getPasswordHash())) {
			update.set(PersonDocument.PASSWORD_HASH, this.passwords.encode(seeded.password()));
		}
		if (secret != null && (existing.getTotpSecret() == null
				|| !secret.equalsIgnoreCase(this.keyEncryption.open(existing.getTotpSecret())))) {
			update.set(PersonDocument.TOTP_SECRET, this.keyEncryption.seal(secret))
				.unset(PersonDocument.TOTP_LAST_STEP);
		}
		if (!this.updates.updateIfUnchanged(PersonDocument.class, existing.getId(), existing.getVersion(), update,
				List.of())) {
			throw new IllegalStateException("Seeded person " + existing.getId() + " changed while being seeded");
		}
		log.info("Seeded person {} updated ({})", existing.getId(), seeded.role());
	}

}
