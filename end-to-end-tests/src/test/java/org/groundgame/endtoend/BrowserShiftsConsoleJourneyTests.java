package org.groundgame.endtoend;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.groundgame.platform.LocalPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A chapter's opportunities and shifts run from the organizers' console in a real
 * browser: an organizer cancels a shift (its volunteers e-mailed, My shifts showing it
 * cancelled), creates and publishes an opportunity with its shifts, moves one (its
 * volunteer e-mailed the new time) and checks people in on the day at a phone's width,
 * adding a walk-in; an organizer of another chapter can cancel nothing of it, by link or
 * by a forged form. Every page is checked for accessibility and saved as a screenshot.
 */
@ExtendWith({ RunningPlatform.class, RealBrowser.class })
class BrowserShiftsConsoleJourneyTests {

	private static final Duration EVENTUALLY = Duration.ofSeconds(60);

	private static final By MAIN = By.tagName("main");

	private static final String JOURNEY = "console-shifts";

	private static final Pattern ZONE = Pattern.compile("Times are in ([A-Za-z_/+-]+)\\.");

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final Gateway gateway;

	private final Browser browser;

	private final ConsoleSignIn signIn;

	private final Organizers organizers;

	private final CaughtMail mail;

	BrowserShiftsConsoleJourneyTests(LocalPlatform platform, Gateway gateway, Browser browser) {
		this.gateway = gateway;
		this.browser = browser;
		this.signIn = new ConsoleSignIn(platform, gateway, browser);
		this.organizers = new Organizers(gateway);
		this.mail = new CaughtMail(platform.mailbox());
	}

	@Test
	void aChapterOrganizerCancelsAShiftAndItsVolunteersAreEmailed() {
		String chapterId = this.organizers.registerChapter(Organizers.STATE, "Salina");
		String title = "Phone bank in Salina " + unique();
		JsonNode opportunity = open(chapterId, title, Instant.now().plus(3, ChronoUnit.DAYS), 1);
		String shiftId = opportunity.path("shifts").get(0).path("id").asString();
		// One volunteer takes the seat, another joins the line.
		String seatedEmail = "seated-" + unique() + "@example.org";
		String waitingEmail = "waiting-" + unique() + "@example.org";
		rsvp(shiftId, "Sally Seated", seatedEmail, "REGISTERED");
		rsvp(shiftId, "Wade Waiting", waitingEmail, "WAITLISTED");
		VolunteerMail.Key seated = new VolunteerMail(this.mail).keyOf(seatedEmail);

		// The chapter's organizer finds the opportunity, its seats and its line.
		this.signIn.asOrganizerOf(chapterId, "/console/opportunities");
		assertThat(this.browser.heading()).isEqualTo("Opportunities");
		assertThat(this.browser.text(MAIN)).contains(title);
		step("cancel-1-opportunities");
		this.browser.follow(title);
		assertThat(this.browser.heading()).isEqualTo(title);
		assertThat(this.browser.text(MAIN)).contains("1 of 1 taken, 0 left");
		step("cancel-2-opportunity");

		// Cancelling asks for a reason and says first who will be told.
		this.browser.follow("Cancel this shift");
		assertThat(this.browser.heading()).isEqualTo("Cancel a shift");
		assertThat(this.browser.text(MAIN))
			.contains("2 volunteers on the roster and waitlist will be e-mailed and the chapter's inbox notified.");
		step("cancel-3-confirm");
		this.browser.press("Cancel the shift and tell them");
		assertThat(this.browser.text(MAIN)).contains("Give the reason: it is told to the volunteers.");
		assertThat(this.gateway.asChapter(chapterId).get("/api/shifts/" + shiftId).json(200).path("status").asString())
			.isEqualTo("SCHEDULED");
		this.browser.fillIn("Reason", "The hall flooded overnight.");
		this.browser.press("Cancel the shift and tell them");
		assertThat(this.browser.heading()).isEqualTo(title);
		assertThat(this.browser.text(MAIN)).contains("The shift is cancelled; its volunteers are being told.");
		assertThat(this.browser.links(MAIN)).doesNotContain("Cancel this shift", "Reschedule");
		step("cancel-4-cancelled");
		assertThat(this.gateway.asChapter(chapterId).get("/api/shifts/" + shiftId).json(200).path("status").asString())
			.isEqualTo("CANCELLED");

		// Both volunteers are e-mailed the cancellation and its reason.
		for (String email : List.of(seatedEmail, waitingEmail)) {
			String text = await().atMost(EVENTUALLY)
				.until(() -> this.mail.to(email)
					.stream()
					.filter((message) -> message.path("subject").asString().startsWith("Cancelled: "))
					.findFirst()
					.map((message) -> this.mail.message(message).path("text").asString())
					.orElse(null), (found) -> found != null);
			assertThat(text).contains("The hall flooded overnight.");
		}

		// The seated volunteer's My shifts shows the shift cancelled by the organizers.
		this.browser.openPrivateLink("/volunteers/" + seated.volunteerId() + "#token=" + seated.token());
		assertThat(this.browser.text(By.id("shifts"))).contains(title)
			.containsIgnoringCase("Shift cancelled by the organizers");
		this.browser.screenshot(JOURNEY, "cancel-5-my-shifts");
	}

	@Test
	void anOrganizerReschedulesAShiftAndChecksPeopleInOnTheDayAddingAWalkIn() {
		String chapterId = this.organizers.registerChapter(Organizers.STATE, "Hays");
		String title = "Canvass in Hays " + unique();

		// The organizer creates and publishes an opportunity with two shifts: one that
		// started ten minutes ago, one in three days.
		this.signIn.asOrganizerOf(chapterId, "/console/opportunities");
		this.browser.follow("Create an opportunity");
		assertThat(this.browser.heading()).isEqualTo("Create an opportunity");
		ZoneId zone = zoneOfThePage();
		LocalDateTime now = LocalDateTime.now(zone).truncatedTo(ChronoUnit.MINUTES);
		this.browser.fillIn("Title", title);
		this.browser.choose("Type", "Canvass");
		this.browser.fillIn("Location", "Hays Public Library, 2 Demo Street");
		this.browser.setDateTime("Shift 1 starts", LOCAL.format(now.minusMinutes(10)));
		this.browser.setDateTime("Shift 1 ends", LOCAL.format(now.plusHours(2)));
		this.browser.fillIn("Shift 1 seats", "5");
		this.browser.setDateTime("Shift 2 starts", LOCAL.format(now.plusDays(3)));
		this.browser.setDateTime("Shift 2 ends", LOCAL.format(now.plusDays(3).plusHours(3)));
		this.browser.fillIn("Shift 2 seats", "5");
		step("day-1-create");
		this.browser.press("Create and publish");
		assertThat(this.browser.heading()).isEqualTo(title);
		assertThat(this.browser.text(MAIN)).contains("The opportunity is published: it takes RSVPs.");
		step("day-2-published");
		String path = this.browser.address().getPath();
		JsonNode opportunity = this.gateway.asChapter(chapterId)
			.get("/api/opportunities/" + path.substring(path.lastIndexOf('/') + 1))
			.json(200);
		assertThat(opportunity.path("chapterId").asString()).isEqualTo(chapterId);
		String today = opportunity.path("shifts").get(0).path("id").asString();
		String later = opportunity.path("shifts").get(1).path("id").asString();

		// People RSVP on the public site's API.
		String adaEmail = "ada-" + unique() + "@example.org";
		String benEmail = "ben-" + unique() + "@example.org";
		String carlEmail = "carl-" + unique() + "@example.org";
		rsvp(today, "Ada Attendee", adaEmail, "REGISTERED");
		rsvp(today, "Ben Absent", benEmail, "REGISTERED");
		rsvp(later, "Carl Later", carlEmail, "REGISTERED");

		// The later shift moves a day, its volunteer told; the one under way cannot move.
		this.browser.open(path);
		assertThat(this.browser.links(MAIN)).containsOnlyOnce("Reschedule");
		this.browser.follow("Reschedule");
		assertThat(this.browser.heading()).isEqualTo("Reschedule a shift");
		assertThat(this.browser.text(MAIN))
			.contains("1 volunteer on the roster and waitlist will be e-mailed and the chapter's inbox notified.");
		this.browser.setDateTime("Starts", LOCAL.format(now.plusDays(4)));
		this.browser.setDateTime("Ends", LOCAL.format(now.plusDays(4).plusHours(3)));
		step("day-3-reschedule");
		this.browser.press("Move the shift and tell them");
		assertThat(this.browser.text(MAIN)).contains("The shift is moved; its volunteers are being told.");
		Instant movedTo = now.plusDays(4).atZone(zone).toInstant();
		assertThat(Instant
			.parse(this.gateway.asChapter(chapterId).get("/api/shifts/" + later).json(200).path("startsAt").asString()))
			.isEqualTo(movedTo);
		await().atMost(EVENTUALLY)
			.until(() -> this.mail.to(carlEmail)
				.stream()
				.anyMatch((message) -> message.path("subject").asString().startsWith("New time: ")));

		// On the day, at a phone's width: Ada came, Ben did not, and Wren walked in.
		this.browser.resize(Browser.Width.PHONE);
		this.browser.follow("Check-in and roster");
		assertThat(this.browser.heading()).isEqualTo("Check-in: " + title);
		assertThat(this.browser.text(By.id("roster"))).isEqualTo("Roster (2)");
		step("day-4-check-in");
		By ada = row("Ada Attendee");
		this.browser.fillIn("Hours of Ada Attendee", "2");
		this.browser.pressInPlace(ada, "Attended");
		this.browser.awaitText(ada, "2 h");
		assertThat(this.browser.text(ada)).containsIgnoringCase("Attended");
		this.browser.checkAccessibility();
		step("day-5-ada-attended");
		By ben = row("Ben Absent");
		this.browser.pressInPlace(ben, "No-show");
		// The button says "No-show" too: it is the row's status badge that changes.
		By bensStatus = By.xpath("//tr[th[normalize-space(.)='Ben Absent']]//span[contains(@class, 'badge')]");
		this.browser.awaitExactTextIgnoringCase(bensStatus, "No-show");
		this.browser.checkAccessibility();
		step("day-6-ben-no-show");

		this.browser.fillIn("Name", "Wren Walkin");
		String wrenEmail = "wren-" + unique() + "@example.org";
		this.browser.fillIn("E-mail address", wrenEmail);
		this.browser.tick("By e-mail");
		this.browser.fillIn("Hours", "1.5");
		step("day-7-walk-in");
		this.browser.press("Check in the walk-in");
		assertThat(this.browser.text(MAIN)).contains("The walk-in is checked in.");
		assertThat(this.browser.text(row("Wren Walkin"))).containsIgnoringCase("Attended").contains("1.5 h");
		assertThat(this.browser.text(By.id("roster"))).isEqualTo("Roster (3)");
		step("day-8-walked-in");

		// What the organizer did is what volunteer-service keeps.
		JsonNode roster = this.gateway.asChapter(chapterId).get("/api/shifts/" + today + "/signups").json(200);
		assertThat(roster.path("content")
			.valueStream()
			.map((s) -> s.path("name").asString() + " " + s.path("status").asString() + " "
					+ s.path("hours").asDouble(0)))
			.containsExactlyInAnyOrder("Ada Attendee ATTENDED 2.0", "Ben Absent NO_SHOW 0.0",
					"Wren Walkin ATTENDED 1.5");
		new VolunteerMail(this.mail).keyOf(wrenEmail);
	}

	@Test
	void anOrganizerOfChapterACannotCancelChapterBsShiftByLinkOrByForgedForm() {
		String chapterA = this.organizers.registerChapter(Organizers.STATE, "Emporia");
		String chapterB = this.organizers.registerChapter(Organizers.STATE, "Newton");
		String ownShift = open(chapterA, "Text bank in Emporia " + unique(), Instant.now().plus(2, ChronoUnit.DAYS), 5)
			.path("shifts")
			.get(0)
			.path("id")
			.asString();
		String theirShift = open(chapterB, "Text bank in Newton " + unique(), Instant.now().plus(2, ChronoUnit.DAYS), 5)
			.path("shifts")
			.get(0)
			.path("id")
			.asString();
		rsvp(theirShift, "Nora Newton", "nora-" + unique() + "@example.org", "REGISTERED");

		// By link: chapter B's cancel, reschedule and check-in pages are not A's to see.
		this.signIn.asOrganizerOf(chapterA, "/console/shifts/" + theirShift + "/cancel");
		assertThat(this.browser.heading()).isEqualTo("Not yours to see");
		assertThat(this.browser.text(MAIN)).doesNotContain("Nora Newton");
		step("forbidden-1-by-link");
		for (String page : List.of("reschedule", "check-in")) {
			this.browser.open("/console/shifts/" + theirShift + "/" + page);
			assertThat(this.browser.heading()).isEqualTo("Not yours to see");
			assertThat(this.browser.text(MAIN)).doesNotContain("Nora Newton");
		}

		// By a forged form: A's own cancel page, with its CSRF token, sent to B's shift.
		this.browser.open("/console/shifts/" + ownShift + "/cancel");
		assertThat(this.browser.heading()).isEqualTo("Cancel a shift");
		this.browser.postForged("/console/shifts/" + theirShift + "/cancel",
				Map.of("reason", "Forged by another chapter."));
		assertThat(this.browser.heading()).isEqualTo("Not yours to see");
		this.browser.checkAccessibility();
		step("forbidden-2-forged");
		this.browser.open("/console/shifts/" + ownShift + "/cancel");
		this.browser.postForged("/console/shifts/" + theirShift + "/reschedule",
				Map.of("startsAt", "2030-01-01T10:00", "endsAt", "2030-01-01T12:00"));
		assertThat(this.browser.heading()).isEqualTo("Not yours to see");

		// Nothing changed of chapter B's shift, nor of A's own.
		JsonNode theirs = this.gateway.asChapter(chapterB).get("/api/shifts/" + theirShift).json(200);
		assertThat(theirs.path("status").asString()).isEqualTo("SCHEDULED");
		assertThat(theirs.path("startsAt").asString()).doesNotStartWith("2030");
		assertThat(this.gateway.asChapter(chapterA).get("/api/shifts/" + ownShift).json(200).path("status").asString())
			.isEqualTo("SCHEDULED");
	}

	// Helpers

	private JsonNode open(String chapterId, String title, Instant startsAt, int capacity) {
		Instant start = startsAt.truncatedTo(ChronoUnit.HOURS);
		return this.gateway.asChapter(chapterId)
			.post("/api/opportunities",
					Map.of("title", title, "type", "PHONE_BANK", "state", Organizers.STATE, "chapterId", chapterId,
							"location", "Union Hall, 1 Demo Street", "shifts",
							List.of(Map.of("startsAt", start.toString(), "endsAt",
									start.plus(2, ChronoUnit.HOURS).toString(), "capacity", capacity))))
			.json(201);
	}

	private void rsvp(String shiftId, String name, String email, String expected) {
		JsonNode held = this.gateway.anonymous()
			.post("/api/shifts/" + shiftId + "/rsvps",
					Map.of("name", name, "email", email, "phone", "(785) 555-0100", "consent",
							Map.of("email", true, "sms", false)))
			.json(202);
		assertThat(held.path("status").asString()).isEqualTo(expected);
	}

	private ZoneId zoneOfThePage() {
		Matcher zone = ZONE.matcher(this.browser.text(MAIN));
		assertThat(zone.find()).as("the page names its time zone").isTrue();
		return ZoneId.of(zone.group(1));
	}

	/** The roster's row of a volunteer. */
	private static By row(String name) {
		return By.xpath("//tr[th[normalize-space(.)=" + Browser.literal(name) + "]]");
	}

	private void step(String name) {
		this.browser.checkAccessibility();
		this.browser.screenshot(JOURNEY, name);
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
