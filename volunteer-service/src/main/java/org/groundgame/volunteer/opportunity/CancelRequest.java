package org.groundgame.volunteer.opportunity;

/**
 * The body of {@code POST /api/shifts/{shiftId}/cancel} and {@code POST
 * /api/opportunities/{id}/cancel}: why, in the organizers' words (told to the volunteers;
 * required, at most 1000 characters).
 */
record CancelRequest(String reason) {
}
