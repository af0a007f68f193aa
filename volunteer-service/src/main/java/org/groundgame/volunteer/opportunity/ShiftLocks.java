package org.groundgame.volunteer.opportunity;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes the changes of one shift within this instance, in arrival order (fair
 * locks), so that concurrent RSVPs queue instead of racing on the shift's version; across
 * instances the version check still decides. Striped: a fixed number of locks, whatever
 * the number of shifts.
 */
final class ShiftLocks {

	private final ReentrantLock[] stripes;

	ShiftLocks(int stripes) {
		this.stripes = new ReentrantLock[stripes];
		for (int i = 0; i < stripes; i++) {
			this.stripes[i] = new ReentrantLock(true);
		}
	}

	ReentrantLock of(String shiftId) {
		return this.stripes[Math.floorMod(shiftId.hashCode(), this.stripes.length)];
	}

}
