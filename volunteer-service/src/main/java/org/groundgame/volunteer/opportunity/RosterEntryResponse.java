package org.groundgame.volunteer.opportunity;

import java.time.Instant;

import org.groundgame.volunteer.volunteer.KnownVolunteers.Member;

/**
 * One signup on a shift's roster, for its organizers.
 *
 * @param name the name organizers know the volunteer by, {@code null} once erased
 * @param volunteerChapterId the chapter the volunteer's hours count for
 * @param waitlistPosition the place in line from 1, {@code null} unless waitlisted
 */
record RosterEntryResponse(String id, String volunteerId, String name, String volunteerChapterId, String status,
		Integer waitlistPosition, long sequence, Instant signedUpAt, Instant registeredAt, Instant cancelledAt,
		Double hours, Instant attendanceRecordedAt) {

	static RosterEntryResponse of(Shift shift, Shift.Signup signup, Member member) {
		return new RosterEntryResponse(signup.id(), signup.volunteerId(), (member != null) ? member.name() : null,
				signup.volunteerChapterId(), signup.status().name(), shift.waitlistPosition(signup.id()),
				signup.sequence(), signup.signedUpAt(), signup.registeredAt(), signup.cancelledAt(), signup.hours(),
				signup.attendanceRecordedAt());
	}

}
