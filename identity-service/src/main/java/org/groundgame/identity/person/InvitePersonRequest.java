package org.groundgame.identity.person;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.groundgame.security.Role;

/**
 * The body of {@code POST /api/people}: who is invited and with what role; the id, the
 * status and the invitation's token are the server's.
 */
record InvitePersonRequest(@NotBlank @Size(max = Person.MAX_EMAIL_LENGTH) String email,
		@NotBlank @Size(max = Person.MAX_NAME_LENGTH) String displayName, @NotNull Role role,
		@Size(max = Person.MAX_CHAPTER_ID_LENGTH) String chapterId) {

	/** Nothing personal. */
	@Override
	public String toString() {
		return "InvitePersonRequest[role=" + this.role + "]";
	}

}
