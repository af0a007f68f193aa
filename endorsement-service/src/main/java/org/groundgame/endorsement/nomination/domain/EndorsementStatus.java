package org.groundgame.endorsement.nomination.domain;

/** Whether an endorsement stands. */
public enum EndorsementStatus {

	ACTIVE, RESCINDED

}
