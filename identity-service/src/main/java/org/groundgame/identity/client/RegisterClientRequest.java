package org.groundgame.identity.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.groundgame.security.Role;

/**
 * The body of {@code POST /api/clients}: only what the registrar chooses; the id, the
 * secret and the time are the server's. Whether the chapter fits the role is checked by
 * {@link Client}.
 */
record RegisterClientRequest(@NotBlank @Size(max = Client.MAX_NAME_LENGTH) String name, @NotNull Role role,
		@Size(max = Client.MAX_CHAPTER_ID_LENGTH) String chapterId) {

}
