package org.groundgame.identity.person;

import org.groundgame.security.Role;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/** A person as stored in {@code users}: the password only as a hash. */
@Document(PersonDocument.COLLECTION)
class PersonDocument {

	static final String COLLECTION = "users";

	@Id
	private final String username;

	private final String passwordHash;

	private final String role;

	private final String chapterId;

	@PersistenceCreator
	PersonDocument(String username, String passwordHash, String role, String chapterId) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.role = role;
		this.chapterId = chapterId;
	}

	static PersonDocument of(Person person, String passwordHash) {
		return new PersonDocument(person.username(), passwordHash, person.role().name(), person.chapterId());
	}

	Person toPerson() {
		return new Person(this.username, Role.valueOf(this.role), this.chapterId);
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

}
