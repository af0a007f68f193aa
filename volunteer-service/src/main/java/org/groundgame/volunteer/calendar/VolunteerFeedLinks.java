package org.groundgame.volunteer.calendar;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/** The feed addresses this service hands out (in an RSVP's answer, say). */
@Component
class VolunteerFeedLinks implements CalendarLinks {

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
