package org.groundgame.volunteer.calendar;

import java.nio.charset.StandardCharsets;

import org.groundgame.volunteer.volunteer.CalendarFeeds;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * The feed addresses this service hands out (in the e-mail with a volunteer's private
 * link).
 */
@Component
class VolunteerFeedLinks implements CalendarFeeds {

	private final FeedTokens tokens;

	VolunteerFeedLinks(FeedTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public String volunteerFeedPath(String volunteerId) {
		return "/api/volunteers/" + UriUtils.encodePathSegment(volunteerId, StandardCharsets.UTF_8)
				+ "/calendar.ics?token=" + this.tokens.tokenFor(volunteerId);
	}

}
