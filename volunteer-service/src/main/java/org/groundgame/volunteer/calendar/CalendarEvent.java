package org.groundgame.volunteer.calendar;

import java.time.Instant;
import java.util.Objects;

/**
 * One shift as a calendar app shows it (an iCalendar {@code VEVENT}).
 *
 * @param uid stable across feeds and changes, so an app updates the event in place
 * @param startsAt when it starts
 * @param endsAt when it ends, after {@code startsAt}
 * @param summary the title shown
 * @param location where, or {@code null}
 * @param description free text, or {@code null}
 * @param url the virtual link, or {@code null}
 * @param status confirmed, tentative (a waitlisted volunteer) or cancelled
 * @param sequence the revision: an app replaces what it holds with a higher one
 */
public record CalendarEvent(String uid, Instant startsAt, Instant endsAt, String summary, String location,
		String description, String url, Status status, long sequence) {

	public CalendarEvent {
		Objects.requireNonNull(uid, "uid");
		Objects.requireNonNull(startsAt, "startsAt");
		Objects.requireNonNull(endsAt, "endsAt");
		Objects.requireNonNull(status, "status");
	}

	/** RFC 5545's {@code STATUS} of an event. */
	public enum Status {

		CONFIRMED, TENTATIVE, CANCELLED

	}

}
