package org.groundgame.volunteer.opportunity;

/** Whether a shift takes place. */
enum ShiftStatus {

	SCHEDULED, CANCELLED

}
