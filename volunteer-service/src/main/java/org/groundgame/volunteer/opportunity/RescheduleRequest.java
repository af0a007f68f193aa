package org.groundgame.volunteer.opportunity;

/**
 * The body of {@code POST /api/shifts/{shiftId}/reschedule}: the new times (ISO-8601
 * instants), and a new place if it moves (a location or a virtual link given replaces
 * both; none keeps the shift's).
 */
record RescheduleRequest(String startsAt, String endsAt, String location, String virtualLink) {

	Shift.Plan toPlan() {
		return new Shift.Plan(this.startsAt, this.endsAt, null, this.location, this.virtualLink);
	}

}
