package org.groundgame.volunteer.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.groundgame.test.security.TestTokens;
import org.groundgame.volunteer.VolunteerServiceIntegrationTest;
import org.groundgame.volunteer.hours.Organizers;
import org.groundgame.volunteer.hours.StoredShifts;
import org.groundgame.volunteer.volunteer.CalendarFeeds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.RequestHeadersSpec;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The iCalendar feeds over the real store, from opportunities and shifts stored as the
 * opportunity feature stores them.
 */
@VolunteerServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class CalendarFeedIntegrationTests {

	private static final Instant NOVEMBER_28 = Instant.parse("2026-11-28T16:00:00Z");

	@Autowired
	private RestTestClient client;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private CalendarFeeds links;

	private String chapter;

	private String volunteer;

	private String open;

	private String draft;

	private String registered;

	private String waitlisted;

	private String cancelledShift;

	private String cancelledSignup;

	private String attended;

	private String erased;

	@BeforeAll
	void volunteersSignUpForShifts() {
		Organizers organizers = new Organizers(this.client);
		this.chapter = organizers.chapter("Calendar Chapter", "MO");
		this.volunteer = organizers.volunteer("Val Vance", this.chapter);
		this.erased = organizers.volunteer("Ezra Erased", this.chapter);
		StoredShifts stored = new StoredShifts(this.mongo);
		this.open = stored.opportunity("OPEN", this.chapter, "Phone bank for Jane Doe",
				"Call voters in St. Louis, Columbia; bring a phone\nand a charger");
		this.registered = stored.shift(this.open, NOVEMBER_28, Duration.ofHours(3))
			.signup(this.volunteer, this.chapter, "REGISTERED", null)
			.signup(this.erased, this.chapter, "REGISTERED", null)
			.store();
		this.waitlisted = stored.shift(this.open, NOVEMBER_28.plus(Duration.ofDays(1)), Duration.ofHours(2))
			.set("location", null)
			.set("virtualLink", "https://meet.example.org/phone-bank")
			.signup(this.volunteer, this.chapter, "WAITLISTED", null)
			.store();
		this.cancelledShift = stored.shift(this.open, NOVEMBER_28.plus(Duration.ofDays(2)), Duration.ofHours(2))
			.set("status", "CANCELLED")
			.signup(this.volunteer, this.chapter, "REGISTERED", null)
			.store();
		String other = stored.opportunity("OPEN", this.chapter, "Canvass", null);
		this.cancelledSignup = stored.shift(other, NOVEMBER_28, Duration.ofHours(1))
			.signup(this.volunteer, this.chapter, "CANCELLED", null)
			.store();
		this.attended = stored.shift(other, NOVEMBER_28.minus(Duration.ofDays(30)), Duration.ofHours(1))
			.signup(this.volunteer, this.chapter, "ATTENDED", 1.0)
			.store();
		this.draft = stored.opportunity("DRAFT", this.chapter, "Volunteer team: Jane Doe for State Senate", null);
		stored.shift(this.draft, NOVEMBER_28, Duration.ofHours(1)).store();
		organizers.erase(this.erased);
	}

	@Test
	void anOpenOpportunitysFeedHasItsShiftsThatAreNotCancelled() {
		RestTestClientResponse response = get("/api/opportunities/" + this.open + "/calendar.ics", null);

		assertThat(response).hasStatus(200).hasContentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"));
		String calendar = body(response);
		assertThat(calendar).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
		assertThat(unfold(calendar)).contains("X-WR-CALNAME:Phone bank for Jane Doe\r\n");
		Map<String, String> events = events(calendar);
		assertThat(events).containsOnlyKeys(this.registered, this.waitlisted);
		assertThat(events.get(this.registered)).contains("DTSTART:20261128T160000Z\r\n", "DTEND:20261128T190000Z\r\n",
				"SUMMARY:Phone bank\r\n", "LOCATION:Mobilize Missouri HQ\r\n", "STATUS:CONFIRMED\r\n",
				"DESCRIPTION:Call voters in St. Louis\\, Columbia\\; bring a phone\\nand a charger\r\n");
		// The shift's version, stored as 4; the erasure above may have changed the shift
		// since (its volunteer's seat given up), which calendars must see as a new
		// sequence.
		assertThat(events.get(this.registered)).containsPattern("\r\nSEQUENCE:([4-9]|\\d{2,})\r\n");
		assertThat(events.get(this.waitlisted)).contains("LOCATION:https://meet.example.org/phone-bank\r\n",
				"URL:https://meet.example.org/phone-bank\r\n", "Join online: https://meet.example.org/phone-bank");
	}

	@Test
	void aDraftsFeedIsForStaffAndTheOrganizingChapterOnly() {
		assertThat(get("/api/opportunities/" + this.draft + "/calendar.ics", null)).hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(get("/api/opportunities/" + this.draft + "/calendar.ics", TestTokens.chapter("another-chapter")))
			.hasStatus(404);
		RestTestClientResponse own = get("/api/opportunities/" + this.draft + "/calendar.ics",
				TestTokens.chapter(this.chapter));
		assertThat(own).hasStatus(200);
		assertThat(events(body(own))).hasSize(1);
	}

	@Test
	void anUnknownOpportunityIsNotFoundEvenToACalendarApp() {
		RestTestClientResponse response = RestTestClientResponse.from(this.client.get()
			.uri("/api/opportunities/unknown/calendar.ics")
			.header(HttpHeaders.ACCEPT, "text/calendar")
			.exchange());

		assertThat(response).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aVolunteersFeedOpenedByItsTokenHasTheirShifts() {
		String path = this.links.volunteerFeedPath(this.volunteer);
		assertThat(path).startsWith("/api/volunteers/" + this.volunteer + "/calendar.ics?token=");

		RestTestClientResponse response = get(path, null);

		assertThat(response).hasStatus(200)
			.hasContentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
			.hasHeader(HttpHeaders.CACHE_CONTROL, "no-cache, private");
		Map<String, String> events = events(body(response));
		assertThat(events).containsOnlyKeys(this.registered, this.waitlisted, this.cancelledShift, this.attended)
			.doesNotContainKey(this.cancelledSignup);
		assertThat(events.get(this.registered)).contains("SUMMARY:Phone bank\r\n", "STATUS:CONFIRMED\r\n");
		assertThat(events.get(this.waitlisted)).contains("SUMMARY:Phone bank (waitlist)\r\n", "STATUS:TENTATIVE\r\n");
		assertThat(events.get(this.cancelledShift)).contains("STATUS:CANCELLED\r\n");
		assertThat(events.get(this.attended)).contains("SUMMARY:Phone bank\r\n", "STATUS:CONFIRMED\r\n");
		assertThat(unfold(body(response))).as("no personal name in a feed anyone with its address reads")
			.doesNotContain("Val");
	}

	@Test
	void aVolunteersFeedIsRefusedWithoutItsTokenOrWithAnother() {
		String feed = "/api/volunteers/" + this.volunteer + "/calendar.ics";
		String someoneElses = this.links.volunteerFeedPath("someone-else");

		assertThat(get(feed, null)).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(get(feed + "?token=forged", null)).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(get(feed + someoneElses.substring(someoneElses.indexOf('?')), null)).hasStatus(403);
	}

	@Test
	void staffAndTheVolunteersChapterReadTheFeedWithTheirToken() {
		String feed = "/api/volunteers/" + this.volunteer + "/calendar.ics";

		assertThat(get(feed, TestTokens.staff())).hasStatus(200);
		assertThat(get(feed, TestTokens.chapter(this.chapter))).hasStatus(200);
		assertThat(get(feed, TestTokens.chapter("another-chapter"))).hasStatus(403);
	}

	@Test
	void anErasedVolunteersFeedIsGoneEvenWithItsToken() {
		assertThat(get(this.links.volunteerFeedPath(this.erased), null)).hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(get(this.links.volunteerFeedPath("unknown"), null)).hasStatus(404);
	}

	private RestTestClientResponse get(String path, String token) {
		RequestHeadersSpec<?> request = this.client.get().uri(path);
		if (token != null) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		}
		return RestTestClientResponse.from(request.exchange());
	}

	private static String body(RestTestClientResponse response) {
		return new String(response.getExchangeResult().getResponseBodyContent(), StandardCharsets.UTF_8);
	}

	private static String unfold(String calendar) {
		return calendar.replace("\r\n ", "");
	}

	/** Each event's lines, by its shift's id. */
	private static Map<String, String> events(String calendar) {
		Map<String, String> events = new LinkedHashMap<>();
		String[] blocks = unfold(calendar).split("BEGIN:VEVENT\r\n");
		for (int i = 1; i < blocks.length; i++) {
			String block = blocks[i].substring(0, blocks[i].indexOf("END:VEVENT\r\n"));
			String uid = block.substring(block.indexOf("UID:") + 4, block.indexOf("@groundgame"));
			events.put(uid, block);
		}
		return events;
	}

}
