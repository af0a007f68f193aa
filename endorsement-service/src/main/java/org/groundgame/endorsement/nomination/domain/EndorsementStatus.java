package org.groundgame.endorsement.nomination.domain;

/** Whether an endorsement stands. (Rescinding comes with a later issue.) */
public enum EndorsementStatus {

	ACTIVE

}
