package org.groundgame.volunteer.volunteer;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * A volunteer's own page ("My shifts"), for the holder of their key: the first name to
 * greet them by, their language, their calendar feed, and their signups, upcoming
 * (soonest first) and past (latest first). Nothing else of them: not their address nor
 * their phone, which the link's holder would not need.
 */
record MyShiftsResponse(String volunteerId, String firstName, String language, String calendarUrl, List<Entry> upcoming,
		List<Entry> past) {

	static MyShiftsResponse of(VolunteerService.MyShifts shifts, Instant now) {
		List<Entry> entries = shifts.bookings().stream().map(Entry::of).toList();
		return new MyShiftsResponse(shifts.volunteer().id(), shifts.volunteer().firstName(),
				shifts.volunteer().language().code(), shifts.calendarUrl(),
				entries.stream()
					.filter((entry) -> entry.endsAt().isAfter(now))
					.sorted(Comparator.comparing(Entry::startsAt).thenComparing(Entry::signupId))
					.toList(),
				entries.stream()
					.filter((entry) -> !entry.endsAt().isAfter(now))
					.sorted(Comparator.comparing(Entry::startsAt).reversed().thenComparing(Entry::signupId))
					.toList());
	}

	/**
	 * One signup and its shift.
	 *
	 * @param status the signup's: {@code REGISTERED}, {@code WAITLISTED},
	 * {@code CONFIRMED}, {@code CANCELLED}, {@code ATTENDED}, {@code NO_SHOW}
	 * @param shiftStatus {@code SCHEDULED} or {@code CANCELLED}
	 */
	@JsonInclude(Include.NON_NULL)
	record Entry(String signupId, String shiftId, String opportunityId, String title, String type, String state,
			String location, String virtualLink, Instant startsAt, Instant endsAt, String status,
			Integer waitlistPosition, String shiftStatus, boolean cancellable, boolean confirmable, Double hours) {

		static Entry of(VolunteerShifts.Booking booking) {
			return new Entry(booking.signupId(), booking.shiftId(), booking.opportunityId(), booking.title(),
					booking.type(), booking.state(), booking.location(), booking.virtualLink(), booking.startsAt(),
					booking.endsAt(), booking.status(), booking.waitlistPosition(), booking.shiftStatus(),
					booking.cancellable(), booking.confirmable(), booking.hours());
		}

	}

}
