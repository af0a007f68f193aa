package org.groundgame.identity.person;

import java.time.Instant;

import org.groundgame.security.Role;

/**
 * A person as the API shows them to staff: never a password hash, a token or an
 * authenticator's secret.
 *
 * @param status {@code INVITED} (no password yet), {@code ACTIVE} or {@code DISABLED}
 * @param secondFactor whether the person has enrolled an authenticator
 * @param invitationExpiresAt until when the invitation just sent works (in the answers
 * that send one)
 */
record PersonResponse(String id, String email, String displayName, Role role, String chapterId, String status,
		boolean secondFactor, Instant createdAt, Instant invitationExpiresAt) {

	static PersonResponse of(Person person, Instant invitationExpiresAt) {
		return new PersonResponse(person.id(), person.username(), person.displayName(), person.role(),
				person.chapterId(), person.status(), person.authenticatorEnrolled(), person.createdAt(),
				invitationExpiresAt);
	}

}
