package org.groundgame.volunteer.volunteer;

/**
 * The address of a volunteer's own calendar feed (their shifts, iCalendar), which a
 * calendar app subscribes to without an account: the path carries a token only this
 * service can make for that volunteer. It reaches the volunteer in the e-mail with their
 * private link, never in an answer to whoever asked (implemented by the calendar
 * feature).
 */
public interface CalendarFeeds {

	/**
	 * @return the feed's path, e.g. {@code /api/volunteers/{id}/calendar.ics?token=…}, to
	 * put in front of the public base address
	 */
	String volunteerFeedPath(String volunteerId);

}
