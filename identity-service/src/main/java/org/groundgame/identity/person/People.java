package org.groundgame.identity.person;

import java.util.Optional;

import org.groundgame.identity.IdentityConfiguration.IdentityProperties;
import org.groundgame.identity.IdentityConfiguration.SeededUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * The people who sign in through the login form, from {@code users}; seeded at start-up
 * from {@code groundgame.identity.users[]} (created, or updated to match, the password
 * hashed).
 */
@Service
public class People implements UserDetailsService, ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(People.class);

	private final PersonRepository people;

	private final PasswordEncoder passwords;

	private final IdentityProperties properties;

	People(PersonRepository people, PasswordEncoder passwords, IdentityProperties properties) {
		this.people = people;
		this.passwords = passwords;
		this.properties = properties;
	}

	public Optional<Person> person(String username) {
		return this.people.findById(username).map(PersonDocument::toPerson);
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		PersonDocument document = this.people.findById(username)
			.orElseThrow(() -> new UsernameNotFoundException("No such person"));
		Person person = document.toPerson();
		return User.withUsername(person.username())
			.password(document.getPasswordHash())
			.roles(person.role().name())
			.build();
	}

	@Override
	public void run(ApplicationArguments args) {
		for (SeededUser seeded : this.properties.users()) {
			if (!StringUtils.hasText(seeded.password())) {
				throw new IllegalStateException("groundgame.identity.users[] need a password: " + seeded);
			}
			Person person = new Person(seeded.username(), seeded.role(), seeded.chapterId());
			String hash = this.people.findById(person.username())
				.map(PersonDocument::getPasswordHash)
				.filter((stored) -> this.passwords.matches(seeded.password(), stored))
				.orElseGet(() -> this.passwords.encode(seeded.password()));
			this.people.save(PersonDocument.of(person, hash));
			log.info("Seeded person {} ({})", person.username(), person.role());
		}
	}

}
