package org.groundgame.training.cohort;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes the changes of one cohort within this instance, in arrival order (fair
 * locks), so that concurrent applications queue instead of racing on the cohort's
 * version; across instances the version check still decides. Striped: a fixed number of
 * locks, whatever the number of cohorts.
 */
final class CohortLocks {

	private final ReentrantLock[] stripes;

	CohortLocks(int stripes) {
		this.stripes = new ReentrantLock[stripes];
		for (int i = 0; i < stripes; i++) {
			this.stripes[i] = new ReentrantLock(true);
		}
	}

	ReentrantLock of(String cohortId) {
		return this.stripes[Math.floorMod(cohortId.hashCode(), this.stripes.length)];
	}

}
