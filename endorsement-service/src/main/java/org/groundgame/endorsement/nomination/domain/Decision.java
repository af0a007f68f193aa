package org.groundgame.endorsement.nomination.domain;

/** What national staff decide about a nomination. */
public enum Decision {

	ENDORSE, DECLINE

}
