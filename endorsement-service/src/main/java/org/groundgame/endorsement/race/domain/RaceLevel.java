package org.groundgame.endorsement.race.domain;

/** The level of government a race is for. */
public enum RaceLevel {

	FEDERAL, STATE, LOCAL

}
