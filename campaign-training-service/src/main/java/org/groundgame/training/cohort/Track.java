package org.groundgame.training.cohort;

/** The school's programs: whom a cohort trains. */
public enum Track {

	CANDIDATE, CAMPAIGN_MANAGER, ORGANIZER

}
