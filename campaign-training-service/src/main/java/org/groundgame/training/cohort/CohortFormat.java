package org.groundgame.training.cohort;

/** How a cohort meets. */
enum CohortFormat {

	IN_PERSON, ONLINE, HYBRID

}
