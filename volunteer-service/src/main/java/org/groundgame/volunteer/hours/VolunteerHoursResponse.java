package org.groundgame.volunteer.hours;

import java.time.Instant;
import java.util.List;

import org.groundgame.volunteer.hours.HoursService.VolunteerHours;

/** A volunteer's hours as the API shows them. */
record VolunteerHoursResponse(String volunteerId, double hours, int shiftsAttended, int noShows,
		List<ShiftResponse> shifts) {

	static VolunteerHoursResponse of(VolunteerHours hours) {
		return new VolunteerHoursResponse(hours.volunteerId(), hours.hours(), hours.shiftsAttended(), hours.noShows(),
				hours.shifts()
					.stream()
					.map((shift) -> new ShiftResponse(shift.shiftId(), shift.opportunityId(), shift.title(),
							shift.startsAt(), shift.attended(), Leaderboard.round(shift.hours())))
					.toList());
	}

	/** One shift attended ({@code attended: true}, with its hours) or missed. */
	record ShiftResponse(String shiftId, String opportunityId, String title, Instant startsAt, boolean attended,
			double hours) {
	}

}
