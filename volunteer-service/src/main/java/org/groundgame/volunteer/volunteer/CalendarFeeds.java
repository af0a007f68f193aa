package org.groundgame.volunteer.calendar;

/**
 * The address of a volunteer's own calendar feed (their shifts, iCalendar), which a
 * calendar app subscribes to without an account: the path carries a token only this
 * service can make for that volunteer.
 */
public interface CalendarLinks {

	/**
	 * @return the feed's path, e.g. {@code /api/volunteers/{id}/calendar.ics?token=…}, to
	 * put in front of the public base address
	 */
	String volunteerFeedPath(String volunteerId);

}
