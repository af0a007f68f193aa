package org.groundgame.endorsement.nomination.domain;

/** The level of government a race is for. */
public enum RaceLevel {

	FEDERAL, STATE, LOCAL

}
