package org.groundgame.endorsement.nomination.domain;

import java.util.Set;

/** Where a nomination stands in the endorsement process. */
public enum NominationStatus {

	/** Received; no one on staff has picked it up yet. */
	SUBMITTED,

	/** A staff member is reviewing it. */
	UNDER_REVIEW,

	/** Staff paused the review (waiting on something); it may resume. */
	ON_HOLD,

	/** Staff endorsed the candidate; the nomination holds the endorsement. */
	ENDORSED,

	/** Staff declined to endorse. */
	DECLINED,

	/** The nominator (or staff) withdrew it before a decision. */
	WITHDRAWN,

	/** The election passed before a decision. */
	EXPIRED;

	/** The statuses of nominations that still wait for a decision. */
	public static final Set<NominationStatus> PENDING = Set.of(SUBMITTED, UNDER_REVIEW, ON_HOLD);

	/** The statuses from which staff may decide. */
	public static final Set<NominationStatus> DECIDABLE = Set.of(SUBMITTED, UNDER_REVIEW);

	public boolean isPending() {
		return PENDING.contains(this);
	}

}
