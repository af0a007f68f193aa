package org.groundgame.volunteer.volunteer;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * A member's shifts and hours, for the organizers' page of them (staff, or the member's
 * chapter): every signup on whichever chapter's shift, upcoming (soonest first) and past
 * (latest first), with the hours attended and the no-shows counted. The person's details
 * are {@code GET /api/volunteers/{id}}'s.
 *
 * @param hours the hours of every shift attended
 */
record VolunteerHistoryResponse(String volunteerId, String chapterId, double hours, int shiftsAttended, int noShows,
		List<Entry> upcoming, List<Entry> past) {

	static VolunteerHistoryResponse of(VolunteerService.History history, Instant now) {
		List<Entry> entries = history.bookings().stream().map(Entry::of).toList();
		double hours = entries.stream()
			.filter((entry) -> "ATTENDED".equals(entry.status()) && entry.hours() != null)
			.mapToDouble(Entry::hours)
			.sum();
		int attended = (int) entries.stream().filter((entry) -> "ATTENDED".equals(entry.status())).count();
		int noShows = (int) entries.stream().filter((entry) -> "NO_SHOW".equals(entry.status())).count();
		return new VolunteerHistoryResponse(history.volunteer().id(), history.volunteer().chapterId(),
				Math.round(hours * 100) / 100.0, attended, noShows,
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
	 * @param hours for {@code ATTENDED} only
	 */
	@JsonInclude(Include.NON_NULL)
	record Entry(String signupId, String shiftId, String opportunityId, String title, String type, String state,
			String location, String virtualLink, Instant startsAt, Instant endsAt, String status,
			Integer waitlistPosition, String shiftStatus, Double hours) {

		static Entry of(VolunteerShifts.Booking booking) {
			return new Entry(booking.signupId(), booking.shiftId(), booking.opportunityId(), booking.title(),
					booking.type(), booking.state(), booking.location(), booking.virtualLink(), booking.startsAt(),
					booking.endsAt(), booking.status(), booking.waitlistPosition(), booking.shiftStatus(),
					booking.hours());
		}

	}

}
