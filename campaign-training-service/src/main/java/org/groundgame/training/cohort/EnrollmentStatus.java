package org.groundgame.training.cohort;

import java.util.Set;

/**
 * Where an application to a cohort stands, and where it may go from there. A seat is held
 * by {@code ENROLLED} and {@code OFFERED} (and kept by those who finished); the line is
 * the {@code WAITLISTED}, in arrival order.
 */
enum EnrollmentStatus {

	/** Has a seat. */
	ENROLLED,
	/** Waits in line for a seat. */
	WAITLISTED,
	/** Was offered a freed seat, until the offer expires. */
	OFFERED,
	/** Declined an offered seat. */
	DECLINED,
	/** Let an offered seat lapse. */
	EXPIRED,
	/** Gave up their seat or place in line. */
	WITHDRAWN,
	/** Attended every session. */
	COMPLETED,
	/** Missed a session. */
	DID_NOT_COMPLETE;

	boolean mayBecome(EnrollmentStatus next) {
		return switch (this) {
			case WAITLISTED -> Set.of(OFFERED, ENROLLED, WITHDRAWN).contains(next);
			case OFFERED -> Set.of(ENROLLED, DECLINED, EXPIRED, WITHDRAWN).contains(next);
			case ENROLLED -> Set.of(WITHDRAWN, COMPLETED, DID_NOT_COMPLETE).contains(next);
			case DECLINED, EXPIRED, WITHDRAWN, COMPLETED, DID_NOT_COMPLETE -> false;
		};
	}

	/** Whether this enrollment holds (or held to the end) one of the cohort's seats. */
	boolean holdsASeat() {
		return this == ENROLLED || this == OFFERED || this == COMPLETED || this == DID_NOT_COMPLETE;
	}

}
