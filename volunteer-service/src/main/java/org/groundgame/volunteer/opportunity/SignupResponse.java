package org.groundgame.volunteer.opportunity;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * A signup as its volunteer (and the organizers) see it.
 *
 * @param waitlistPosition the place in line from 1, only while waitlisted
 * @param hours the hours recorded, only once attended
 * @param manageToken only in the answer that created the signup: the volunteer's key to
 * cancel or confirm it ({@code X-Manage-Token}); never shown again
 * @param calendarUrl the volunteer's own calendar feed, where calendars are served
 */
@JsonInclude(Include.NON_NULL)
record SignupResponse(String id, String shiftId, String volunteerId, String status, Integer waitlistPosition,
		Double hours, Instant attendanceRecordedAt, String manageToken, String calendarUrl) {

	static SignupResponse of(Shift shift, Shift.Signup signup, String manageToken, String calendarUrl) {
		return new SignupResponse(signup.id(), shift.id(), signup.volunteerId(), signup.status().name(),
				shift.waitlistPosition(signup.id()), signup.hours(), signup.attendanceRecordedAt(), manageToken,
				calendarUrl);
	}

	static SignupResponse of(Shift shift, Shift.Signup signup) {
		return of(shift, signup, null, null);
	}

}
