package org.groundgame.volunteer.opportunity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a volunteer's signup for a shift stands. {@code REGISTERED}: has a seat;
 * {@code CONFIRMED}: has a seat and said "I'll be there"; {@code WAITLISTED}: in line for
 * a seat; {@code CANCELLED}: gave it up (or was erased); {@code ATTENDED} and
 * {@code NO_SHOW}: what the organizers recorded after the shift started.
 */
enum SignupStatus {

	REGISTERED, WAITLISTED, CONFIRMED, CANCELLED, ATTENDED, NO_SHOW;

	/** The statuses that hold one of the shift's seats. */
	static final Set<SignupStatus> SEATED = EnumSet.of(REGISTERED, CONFIRMED, ATTENDED, NO_SHOW);

	/** The statuses a volunteer or an organizer may cancel. */
	static final Set<SignupStatus> CANCELLABLE = EnumSet.of(REGISTERED, CONFIRMED, WAITLISTED);

	/** The statuses whose attendance may be recorded (again). */
	static final Set<SignupStatus> ATTENDANCE = EnumSet.of(REGISTERED, CONFIRMED, ATTENDED, NO_SHOW);

	/** The statuses that are due a reminder. */
	static final Set<SignupStatus> REMINDED = EnumSet.of(REGISTERED, CONFIRMED);

	boolean seated() {
		return SEATED.contains(this);
	}

}
