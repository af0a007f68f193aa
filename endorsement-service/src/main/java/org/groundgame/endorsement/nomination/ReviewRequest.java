package org.groundgame.endorsement.nomination;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.groundgame.endorsement.common.Limits;

/** The body of {@code POST /api/nominations/{id}/review}. */
record ReviewRequest(@NotBlank @Size(max = Limits.NAME) String reviewer) {
}
