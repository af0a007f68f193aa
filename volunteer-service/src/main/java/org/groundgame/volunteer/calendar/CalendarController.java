package org.groundgame.volunteer.calendar;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.groundgame.security.Caller;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The iCalendar feeds that calendar apps subscribe to: an opportunity's shifts, and a
 * volunteer's own (opened by the token in its address). The content type is set here, so
 * a calendar app's {@code Accept} never turns the feed away; errors stay problem
 * documents.
 */
@RestController
@Tag(name = "Calendar", description = "Calendar feeds (iCalendar) of opportunities and of volunteers' own shifts")
class CalendarController {

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final CalendarService calendars;

	CalendarController(CalendarService calendars) {
		this.calendars = calendars;
	}

	@GetMapping("/api/opportunities/{id}/calendar.ics")
	@SecurityRequirements
	@Operation(summary = "An opportunity's shifts as an iCalendar feed",
			responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/calendar")))
	ResponseEntity<byte[]> opportunityFeed(@PathVariable String id, Caller caller) {
		return feed(this.calendars.opportunityFeed(id, caller));
	}

	@GetMapping("/api/volunteers/{id}/calendar.ics")
	@SecurityRequirements
	@Operation(summary = "A volunteer's shifts as an iCalendar feed, opened by its token",
			responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/calendar")))
	ResponseEntity<byte[]> volunteerFeed(@PathVariable String id, @RequestParam(required = false) String token,
			Caller caller) {
		return feed(
				this.calendars.volunteerFeed(id, (token != null && !token.isBlank()) ? token.strip() : null, caller));
	}

	private static ResponseEntity<byte[]> feed(String calendar) {
		// A feed changes with every RSVP: a cache may keep it briefly, never share a
		// volunteer's.
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.cacheControl(CacheControl.noCache().cachePrivate())
			.body(calendar.getBytes(StandardCharsets.UTF_8));
	}

}
