package org.groundgame.volunteer.opportunity;

import java.time.Instant;

/**
 * A shift as an organizer asks for it: in {@code POST /api/opportunities} and {@code POST
 * /api/opportunities/{id}/shifts}. Times are ISO-8601 instants.
 */
record ShiftRequest(Instant startsAt, Instant endsAt, Integer capacity, String location, String virtualLink) {

	Shift.Plan toPlan() {
		return new Shift.Plan(this.startsAt, this.endsAt, this.capacity, this.location, this.virtualLink);
	}

}
