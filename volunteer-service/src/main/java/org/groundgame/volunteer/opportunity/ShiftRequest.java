package org.groundgame.volunteer.opportunity;

/**
 * A shift as an organizer asks for it: in {@code POST /api/opportunities} and {@code POST
 * /api/opportunities/{id}/shifts}. Times are ISO-8601 instants, checked by the domain so
 * that a malformed one is named with the other fields at fault.
 */
record ShiftRequest(String startsAt, String endsAt, Integer capacity, String location, String virtualLink) {

	Shift.Plan toPlan() {
		return new Shift.Plan(this.startsAt, this.endsAt, this.capacity, this.location, this.virtualLink);
	}

}
