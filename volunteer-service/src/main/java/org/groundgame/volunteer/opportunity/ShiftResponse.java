package org.groundgame.volunteer.opportunity;

import java.time.Instant;

/** A shift as the API shows it: when, where, and how many seats are left. */
record ShiftResponse(String id, String opportunityId, String title, String type, String state, String chapterId,
		String endorsementId, Instant startsAt, Instant endsAt, String location, String virtualLink, int capacity,
		String status, int seatsLeft, int waitlistLength) {

	static ShiftResponse of(Shift shift) {
		return new ShiftResponse(shift.id(), shift.opportunityId(), shift.title(), shift.type().name(),
				shift.state().code(), shift.chapterId(), shift.endorsementId(), shift.startsAt(), shift.endsAt(),
				shift.location(), shift.virtualLink(), shift.capacity(), shift.status().name(), shift.seatsLeft(),
				shift.waitlistLength());
	}

}
