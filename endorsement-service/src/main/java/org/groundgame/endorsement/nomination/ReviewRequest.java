package org.groundgame.endorsement.nomination;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/nominations/{id}/review}. */
record ReviewRequest(@NotBlank @Size(max = Limits.NAME) String reviewer) {
}
