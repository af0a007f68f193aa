package org.groundgame.volunteer.opportunity;

/** The body of {@code PUT /api/shifts/{shiftId}/capacity}. */
record CapacityRequest(Integer capacity) {
}
