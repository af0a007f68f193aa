package org.groundgame.identity.person;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.groundgame.security.Role;

/** The body of {@code PUT /api/people/{id}/role}. */
record ChangeRoleRequest(@NotNull Role role, @Size(max = Person.MAX_CHAPTER_ID_LENGTH) String chapterId) {

}
