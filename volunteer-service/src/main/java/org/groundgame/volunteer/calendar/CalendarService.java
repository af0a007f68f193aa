package org.groundgame.volunteer.calendar;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bson.Document;
import org.groundgame.security.Caller;
import org.groundgame.support.domain.NotFoundException;
import org.groundgame.volunteer.calendar.CalendarEvent.Status;
import org.groundgame.volunteer.volunteer.KnownVolunteers;
import org.groundgame.volunteer.volunteer.KnownVolunteers.Member;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The calendar feeds: an opportunity's shifts, and a volunteer's own, as
 * {@link CalendarStore} reads them.
 */
@Service
class CalendarService {

	/** The signups that put a shift in the volunteer's calendar. */
	static final List<String> IN_CALENDAR = List.of("REGISTERED", "CONFIRMED", "ATTENDED", "WAITLISTED");

	static final String VOLUNTEER_CALENDAR = "My volunteer shifts (Ground Game)";

	private final CalendarStore store;

	private final KnownVolunteers volunteers;

	private final FeedTokens tokens;

	private final Clock clock;

	CalendarService(CalendarStore store, KnownVolunteers volunteers, FeedTokens tokens, Clock clock) {
		this.store = store;
		this.volunteers = volunteers;
		this.tokens = tokens;
		this.clock = clock;
	}

	/**
	 * An opportunity's shifts that are not cancelled, soonest first: anyone's when it is
	 * open, staff's and the organizing chapter's otherwise.
	 * @throws NotFoundException when unknown, or not open and not the caller's to see
	 */
	String opportunityFeed(String opportunityId, Caller caller) {
		Document opportunity = this.store.opportunity(opportunityId).orElse(null);
		if (opportunity == null || !("OPEN".equals(opportunity.getString("status"))
				|| caller.mayAccessChapter(opportunity.getString("chapterId")))) {
			throw new NotFoundException("opportunity", opportunityId);
		}
		boolean cancelled = "CANCELLED".equals(opportunity.getString("status"));
		List<CalendarEvent> events = this.store.shiftsNotCancelled(opportunityId)
			.stream()
			.map((shift) -> event(shift, opportunity, cancelled ? Status.CANCELLED : Status.CONFIRMED, ""))
			.toList();
		return ICalendarWriter.write(opportunity.getString("title"), events, this.clock.instant());
	}

	/**
	 * The shifts a volunteer signed up for (waitlisted ones tentative, cancelled shifts
	 * cancelled), to whoever holds the feed's token, to staff and to the volunteer's
	 * chapter.
	 * @throws NotFoundException when unknown or erased
	 */
	String volunteerFeed(String volunteerId, String token, Caller caller) {
		Member volunteer = this.volunteers.find(volunteerId)
			.orElseThrow(() -> new NotFoundException("volunteer", volunteerId));
		if (!this.tokens.opens(volunteer.id(), token)) {
			if (token != null && caller.isAnonymous()) {
				throw new AccessDeniedException("This feed token does not open this calendar");
			}
			caller.requireChapterAccess(volunteer.chapterId());
		}
		List<Document> shifts = this.store.signupsOf(volunteer.id(), IN_CALENDAR);
		Map<String, Document> opportunities = this.store.opportunities(
				shifts.stream().map((shift) -> String.valueOf(shift.get("opportunityId"))).collect(Collectors.toSet()));
		List<CalendarEvent> events = new ArrayList<>();
		for (Document shift : shifts) {
			Document opportunity = opportunities.getOrDefault(String.valueOf(shift.get("opportunityId")),
					new Document());
			Document signup = shift.get("signups", Document.class);
			boolean waitlisted = "WAITLISTED".equals(signup.getString("status"));
			Status status = ("CANCELLED".equals(shift.getString("status"))
					|| "CANCELLED".equals(opportunity.getString("status"))) ? Status.CANCELLED
							: waitlisted ? Status.TENTATIVE : Status.CONFIRMED;
			events.add(event(shift, opportunity, status, waitlisted ? " (waitlist)" : ""));
		}
		return ICalendarWriter.write(VOLUNTEER_CALENDAR, events, this.clock.instant());
	}

	private static CalendarEvent event(Document shift, Document opportunity, Status status, String note) {
		String title = shift.getString("title");
		if (title == null) {
			title = opportunity.getString("title");
		}
		String link = shift.getString("virtualLink");
		String location = shift.getString("location");
		StringBuilder description = new StringBuilder();
		if (opportunity.getString("description") != null && !opportunity.getString("description").isBlank()) {
			description.append(opportunity.getString("description").strip());
		}
		if (link != null && !link.isBlank()) {
			description.append(description.isEmpty() ? "" : "\n\n").append("Join online: ").append(link.strip());
		}
		Number version = shift.get("version", Number.class);
		return new CalendarEvent(shift.get("_id") + "@groundgame", instant(shift, "startsAt"), instant(shift, "endsAt"),
				((title != null) ? title : "Volunteer shift") + note,
				(location != null && !location.isBlank()) ? location : link, description.toString(), link, status,
				(version != null) ? version.longValue() : 0);
	}

	private static Instant instant(Document document, String field) {
		return document.get(field, Date.class).toInstant();
	}

}
