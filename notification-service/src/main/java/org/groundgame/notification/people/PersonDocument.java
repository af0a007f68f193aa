package org.groundgame.notification.people;

import java.time.Instant;

import org.groundgame.notification.people.domain.Person;
import org.groundgame.notification.people.domain.SignUp;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person of the projection, keyed by their id, as of their newest sign-up.
 *
 * @param signedUpAt when that sign-up occurred, to recognize an older one that comes
 * again
 * @param language the language they read, or {@code null} (stored before sign-ups said
 * it, or said none)
 */
@Document("people")
record PersonDocument(@Id String id, String name, String email, boolean emailConsent, boolean smsConsent,
		String chapterId, Instant signedUpAt, String language) {

	static PersonDocument of(SignUp signUp) {
		Person person = signUp.person();
		return new PersonDocument(person.personId(), person.name(), person.email(), person.emailConsent(),
				person.smsConsent(), person.chapterId(), signUp.occurredAt(), person.language());
	}

	SignUp toSignUp() {
		return new SignUp(new Person(this.id, this.name, this.email, this.emailConsent, this.smsConsent, this.chapterId,
				this.language), this.signedUpAt);
	}

	@Override
	public String toString() {
		return "PersonDocument[id=" + this.id + ", signedUpAt=" + this.signedUpAt + "]";
	}

}
