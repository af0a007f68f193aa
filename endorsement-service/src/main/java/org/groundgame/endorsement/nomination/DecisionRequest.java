package org.groundgame.endorsement.nomination;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.groundgame.endorsement.common.Limits;
import org.groundgame.endorsement.nomination.domain.Decision;

/** The body of {@code POST /api/nominations/{id}/decision}. */
record DecisionRequest(@NotNull Decision decision, @Size(max = Limits.REASON) String reason) {
}
