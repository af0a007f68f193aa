package org.groundgame.endorsement.race.domain;

/** Which election of a race: a primary, the general, a special election or a runoff. */
public enum RaceStage {

	PRIMARY, GENERAL, SPECIAL, RUNOFF

}
