package org.groundgame.volunteer.opportunity;

/**
 * The body of {@code POST /api/shifts/{shiftId}/signups/{signupId}/attendance}.
 *
 * @param attended whether the volunteer came
 * @param hours the hours they volunteered (by default the shift's length); none for a
 * no-show
 */
record AttendanceRequest(Boolean attended, Double hours) {
}
