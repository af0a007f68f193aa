package org.groundgame.volunteer.volunteer;

import java.nio.charset.StandardCharsets;

import org.groundgame.support.domain.CapabilityTokens;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * The private links a volunteer is e-mailed, under the platform's public address: their
 * key {@code <public-url>/volunteers/<id>#token=…} and a confirmation
 * {@code <public-url>/volunteers/confirm#token=…}. The token is in the fragment, which
 * browsers never send to a server, so it reaches no access log; a page reads it and sends
 * it as {@code X-Manage-Token} or {@code X-Confirmation-Token}. Only the hash of each
 * token is kept.
 */
@Component
class EmailedLinks implements VolunteerLinks {

	private final String publicUrl;

	private final ObjectProvider<CalendarFeeds> feeds;

	EmailedLinks(VolunteerConfiguration.LinkProperties properties, ObjectProvider<CalendarFeeds> feeds) {
		String base = properties.publicUrl();
		this.publicUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		this.feeds = feeds;
	}

	@Override
	public Key newKey(String volunteerId) {
		String token = CapabilityTokens.newToken();
		String calendarUrl = calendarUrl(volunteerId);
		return new Key(
				CapabilityTokens.hash(token), this.publicUrl + "/volunteers/"
						+ UriUtils.encodePathSegment(volunteerId, StandardCharsets.UTF_8) + "#token=" + token,
				calendarUrl);
	}

	@Override
	public String calendarUrl(String volunteerId) {
		return this.feeds.stream()
			.findFirst()
			.map((feeds) -> this.publicUrl + feeds.volunteerFeedPath(volunteerId))
			.orElse(null);
	}

	@Override
	public Confirmation newConfirmation() {
		String token = CapabilityTokens.newToken();
		return new Confirmation(CapabilityTokens.hash(token), this.publicUrl + "/volunteers/confirm#token=" + token);
	}

}
