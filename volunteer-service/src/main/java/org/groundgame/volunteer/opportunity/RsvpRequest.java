package org.groundgame.volunteer.opportunity;

/** The body of {@code POST /api/shifts/{shiftId}/signups}: who RSVPs. */
record RsvpRequest(String volunteerId) {
}
