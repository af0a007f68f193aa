package org.groundgame.endorsement.nomination;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.groundgame.endorsement.common.Limits;
import org.groundgame.endorsement.nomination.domain.Decision;
import org.groundgame.endorsement.nomination.domain.Recommendation;

/** The body of {@code PUT /api/nominations/{id}/recommendation}. */
record RecommendationRequest(@NotNull Decision recommendation, Recommendation.Tier tier,
		@Size(max = Limits.REASON) String rationale) {
}
