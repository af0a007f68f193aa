package org.groundgame.identity.person;

import org.groundgame.security.Role;

/**
 * Someone who signs in through a browser. A {@code CHAPTER} person acts for one chapter.
 */
public record Person(String username, Role role, String chapterId) {

	public Person {
		if (username == null || username.isBlank()) {
			throw new IllegalArgumentException("A person needs a username");
		}
		if (role == null) {
			throw new IllegalArgumentException("Person " + username + " needs a role");
		}
		if ((role == Role.CHAPTER) != (chapterId != null && !chapterId.isBlank())) {
			throw new IllegalArgumentException(
					"Person " + username + ": a CHAPTER person has a chapter id, a STAFF person none");
		}
	}

}
