package org.groundgame.endorsement.profile.domain;

/** Where a candidate's profile stands with staff. */
public enum ProfileStatus {

	/** Nothing written yet. */
	EMPTY,

	/**
	 * The draft differs from what staff last approved (or nothing was approved yet): the
	 * last approved version, if any, stays public.
	 */
	AWAITING_APPROVAL,

	/** The draft is what staff approved, and public. */
	APPROVED

}
