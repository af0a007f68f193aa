package org.groundgame.endorsement.nomination.domain;

/**
 * How an endorsed candidate's election went; unknown ({@code null}) until staff record
 * it.
 */
public enum ElectionOutcome {

	WON, LOST, ADVANCED

}
