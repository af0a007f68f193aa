package org.groundgame.endorsement.nomination.domain;

import java.time.Instant;

import org.groundgame.endorsement.common.domain.Text;

/**
 * The reviewer's recommendation to whoever decides.
 *
 * @param tier how much the organization would put into the race, if endorsed
 */
public record Recommendation(Decision recommendation, Tier tier, String rationale, String recommendedBy,
		Instant recommendedAt) {

	public Recommendation {
		Text.required(recommendation, "recommendation");
		rationale = Text.optional(rationale);
		recommendedBy = Text.optional(recommendedBy);
		Text.required(recommendedAt, "recommendedAt");
	}

	/** The same recommendation without its rationale, which may be personal. */
	public Recommendation withoutRationale() {
		return new Recommendation(this.recommendation, this.tier, null, this.recommendedBy, this.recommendedAt);
	}

	/** The priority of a race: tier 1 gets the most. */
	public enum Tier {

		TIER_1, TIER_2, TIER_3

	}

}
