package org.groundgame.volunteer.opportunity;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * A signup as its volunteer (and the organizers) see it.
 *
 * @param waitlistPosition the place in line from 1, only while waitlisted
 * @param hours the hours recorded, only once attended
 * <p>
 * No token and no calendar feed, ever: those reach the volunteer by e-mail only, so that
 * whoever RSVPs for them learns nothing they did not hold already.
 */
@JsonInclude(Include.NON_NULL)
record SignupResponse(String id, String shiftId, String volunteerId, String status, Integer waitlistPosition,
		Double hours, Instant attendanceRecordedAt) {

	static SignupResponse of(Shift shift, Shift.Signup signup) {
		return new SignupResponse(signup.id(), shift.id(), signup.volunteerId(), signup.status().name(),
				shift.waitlistPosition(signup.id()), signup.hours(), signup.attendanceRecordedAt());
	}

}
