package org.groundgame.endtoend;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
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
 * What volunteers and trainees do with their own places, in a real browser, through the
 * pages their e-mails link to: a volunteer RSVPs to a full shift and is waitlisted, is
 * promoted when someone cancels from their own manage link, and sees it on My shifts; a
 * trainee applies to a full cohort, waits, and accepts the seat offered when one frees
 * up; a person turns one topic of e-mail off on the preferences page their e-mails link
 * to, and gets no more of it. Every page is checked for accessibility and saved as a
 * screenshot.
 */
@ExtendWith({ RunningPlatform.class, RealBrowser.class })
class BrowserSelfServiceJourneyTests {

	private static final Duration EVENTUALLY = Duration.ofSeconds(30);

	private static final By MAIN = By.tagName("main");

	private static final Pattern APPLICATION_LINK = Pattern
		.compile("https?://[^/\\s]+(/training/enrollments/[A-Za-z0-9-]+#token=[A-Za-z0-9_-]+)");

	private final Gateway gateway;

	private final Browser browser;

	private final Organizers organizers;

	private final CaughtMail mail;

	BrowserSelfServiceJourneyTests(LocalPlatform platform, Gateway gateway, Browser browser) {
		this.gateway = gateway;
		this.browser = browser;
		this.organizers = new Organizers(gateway);
		this.mail = new CaughtMail(platform.mailbox());
	}

	@Test
	void volunteerRsvpsToAFullShiftIsWaitlistedAndIsPromotedWhenASeatFrees() {
		String chapterId = this.organizers.registerChapter(Organizers.STATE, "Topeka");
		String title = "Phone bank in Topeka " + unique();
		Instant startsAt = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		JsonNode opportunity = this.gateway.asChapter(chapterId)
			.post("/api/opportunities",
					Map.of("title", title, "type", "PHONE_BANK", "state", Organizers.STATE, "chapterId", chapterId,
							"location", "Topeka Labor Temple, 1 Demo Street", "shifts",
							List.of(Map.of("startsAt", startsAt.toString(), "endsAt",
									startsAt.plus(2, ChronoUnit.HOURS).toString(), "capacity", 1))))
			.json(201);
		String opportunityId = opportunity.path("id").asString();
		String shiftId = opportunity.path("shifts").get(0).path("id").asString();
		// The one seat goes to someone who RSVPed first.
		String firstEmail = "first-" + unique() + "@example.org";
		JsonNode held = this.gateway.anonymous()
			.post("/api/shifts/" + shiftId + "/rsvps", rsvp("Frances First", firstEmail))
			.json(202);
		assertThat(held.path("status").asString()).isEqualTo("REGISTERED");
		VolunteerMail.Key first = new VolunteerMail(this.mail).keyOf(firstEmail);

		// Another person finds the shift full and joins the line, in one step.
		this.browser.open("/opportunities/" + opportunityId);
		assertThat(this.browser.heading()).isEqualTo(title);
		// The badge is shown in capitals (by the stylesheet), as the browser reads it.
		assertThat(this.browser.text(MAIN)).containsIgnoringCase("Full · join the waitlist");
		this.browser.checkAccessibility();
		this.browser.screenshot("rsvp", "full-shift");
		String secondEmail = "second-" + unique() + "@example.org";
		this.browser.fillIn("Your name", "Sam Second");
		this.browser.fillIn("E-mail address", secondEmail);
		this.browser.fillIn("Phone", "(785) 555-0142");
		this.browser.press("RSVP");
		assertThat(this.browser.heading()).isEqualTo("You're on the waitlist. Check your e-mail");
		assertThat(this.browser.text(MAIN)).contains("You're #1 in line");
		this.browser.checkAccessibility();
		this.browser.screenshot("rsvp", "waitlisted");
		VolunteerMail.Key second = new VolunteerMail(this.mail).keyOf(secondEmail);
		assertThat(this.browser.text(MAIN)).doesNotContain(second.token());

		// The first cancels from the private link in their e-mail.
		this.browser.openPrivateLink("/volunteers/" + first.volunteerId() + "#token=" + first.token());
		assertThat(this.browser.heading()).isEqualTo("Hi Frances! Here are your shifts");
		assertThat(this.browser.address().getFragment()).isNull();
		assertThat(this.browser.text(By.id("shifts"))).contains(title).containsIgnoringCase("Registered");
		this.browser.checkAccessibility();
		this.browser.screenshot("rsvp", "my-shifts-before-cancelling");
		this.browser.pressInPlace("Cancel");
		this.browser.awaitText(By.id("shifts"), "Cancelled. Thanks for letting us know");
		this.browser.checkAccessibility();

		// The second is promoted, and sees it on their own My shifts.
		this.browser.openPrivateLink("/volunteers/" + second.volunteerId() + "#token=" + second.token());
		assertThat(this.browser.heading()).isEqualTo("Hi Sam! Here are your shifts");
		await().atMost(EVENTUALLY).untilAsserted(() -> {
			this.browser.open("/volunteers/" + second.volunteerId());
			assertThat(this.browser.text(By.id("shifts"))).contains(title).containsIgnoringCase("Registered");
		});
		this.browser.checkAccessibility();
		this.browser.screenshot("rsvp", "promoted");
	}

	@Test
	void traineeAppliesToAFullCohortWaitsAndAcceptsTheSeatOfferedWhenOneFrees() {
		JsonNode cohort = openCohort();
		String cohortId = cohort.path("id").asString();
		String firstEmail = "trainee-first-" + unique() + "@example.org";
		this.gateway.anonymous()
			.post("/api/training/cohorts/" + cohortId + "/applications", application("Ada First", firstEmail))
			.json(202);
		String firstLink = applicationLinkMailedTo(firstEmail);

		this.browser.open("/school");
		assertThat(this.browser.heading()).isEqualTo("Campaign Leadership School");
		this.browser.screenshot("school", "cohorts");
		this.browser.open("/school/cohorts/" + cohortId + "/apply");
		this.browser.checkAccessibility();
		String email = "trainee-" + unique() + "@example.org";
		this.browser.fillIn("Your name", "Bea Waiting");
		this.browser.fillIn("E-mail address", email);
		this.browser.fillIn("Why do you want to run for office?", "To fix the buses in my town.");
		this.browser.screenshot("school", "apply");
		this.browser.press("Join the waitlist");
		assertThat(this.browser.heading()).isEqualTo("Thank you! Check your e-mail");
		this.browser.checkAccessibility();

		String link = applicationLinkMailedTo(email);
		this.browser.openPrivateLink(link);
		assertThat(this.browser.heading()).isEqualTo("Hi Bea Waiting! Your application");
		assertThat(this.browser.text(MAIN)).contains("You're on the waitlist").contains("You're #1 in line");
		this.browser.checkAccessibility();
		this.browser.screenshot("school", "waiting");

		// The one enrolled withdraws: the seat is offered to the first in line.
		String firstId = firstLink.substring("/training/enrollments/".length(), firstLink.indexOf('#'));
		String firstToken = firstLink.substring(firstLink.indexOf("#token=") + "#token=".length());
		assertThat(this.gateway.anonymous()
			.sendRaw("POST", "/api/training/enrollments/" + firstId + "/withdraw", HttpRequest.BodyPublishers.noBody(),
					"X-Manage-Token", firstToken)
			.status()).isEqualTo(200);
		String page = link.substring(0, link.indexOf('#'));
		await().atMost(EVENTUALLY).untilAsserted(() -> {
			this.browser.open(page);
			assertThat(this.browser.text(MAIN)).contains("A seat is offered to you");
		});
		this.browser.checkAccessibility();
		this.browser.screenshot("school", "offered");
		this.browser.press("Accept the seat");
		assertThat(this.browser.text(MAIN)).contains("Your seat is confirmed").contains("You have a seat");
		this.browser.checkAccessibility();
		this.browser.screenshot("school", "accepted");
	}

	@Test
	void aPersonWhoTurnsShiftEmailsOffOnTheirPreferencesPageGetsNoMoreOfThemWhileOthersDo() {
		String chapterId = this.organizers.registerChapter(Organizers.STATE, "Wichita");
		String title = "Canvass in Wichita " + unique();
		Instant startsAt = Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		String shiftId = this.gateway.asChapter(chapterId)
			.post("/api/opportunities",
					Map.of("title", title, "type", "CANVASS", "state", Organizers.STATE, "chapterId", chapterId,
							"location", "Wichita Public Library, 1 Demo Street", "shifts",
							List.of(Map.of("startsAt", startsAt.toString(), "endsAt",
									startsAt.plus(3, ChronoUnit.HOURS).toString(), "capacity", 5))))
			.json(201)
			.path("shifts")
			.get(0)
			.path("id")
			.asString();
		String email = "prefers-" + unique() + "@example.org";
		this.gateway.anonymous()
			.post("/api/volunteers",
					Map.of("name", "Pat Prefers", "email", email, "consent", Map.of("email", true, "sms", false)))
			.json(202);
		VolunteerMail.Key key = new VolunteerMail(this.mail).keyOf(email);

		// The link at the foot of their e-mails opens their preferences.
		this.browser.openPrivateLink(preferencesLinkMailedTo(email));
		assertThat(this.browser.heading()).isEqualTo("E-mail preferences");
		this.browser.checkAccessibility();
		this.browser.screenshot("preferences", "page");
		this.browser.untick("your volunteer shifts");
		this.browser.press("Save my choices");
		assertThat(this.browser.text(MAIN)).contains("Saved.");
		this.browser.checkAccessibility();

		// Both get a seat on the same shift, Pat first: the other's e-mail about it is
		// read after Pat's seat (one shift's events are read in order), so by the time it
		// arrives, any e-mail to Pat about their seat would have been sent.
		assertThat(this.gateway.anonymous()
			.sendRaw("POST", "/api/shifts/" + shiftId + "/signups",
					HttpRequest.BodyPublishers.ofString("{\"volunteerId\":\"" + key.volunteerId() + "\"}"),
					"Content-Type", "application/json", "X-Manage-Token", key.token())
			.status()).isEqualTo(201);
		String otherEmail = "other-" + unique() + "@example.org";
		this.gateway.anonymous().post("/api/shifts/" + shiftId + "/rsvps", rsvp("Olive Other", otherEmail)).json(202);
		await().atMost(EVENTUALLY)
			.until(() -> this.mail.to(otherEmail)
				.stream()
				.anyMatch((message) -> message.path("subject").asString().startsWith("You're signed up")));

		assertThat(this.mail.to(email))
			.noneMatch((message) -> message.path("subject").asString().startsWith("You're signed up"));
	}

	/**
	 * The path and fragment of the preferences link at the foot of an e-mail to an
	 * address.
	 */
	private String preferencesLinkMailedTo(String email) {
		Pattern preferences = Pattern.compile("https?://[^/\\s]+(/email-preferences#token=[A-Za-z0-9_-]+)");
		return await().atMost(EVENTUALLY).until(() -> {
			for (JsonNode listed : this.mail.to(email)) {
				Matcher link = preferences.matcher(this.mail.message(listed).path("text").asString());
				if (link.find()) {
					return link.group(1);
				}
			}
			return null;
		}, (link) -> link != null);
	}

	private JsonNode openCohort() {
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Campaign Leadership School — Candidate track " + unique());
		body.put("track", "CANDIDATE");
		body.put("sessions", List.of(LocalDate.now(ZoneOffset.UTC).plusDays(14).toString()));
		body.put("format", "ONLINE");
		body.put("capacity", 1);
		body.put("applicationDeadline", LocalDate.now(ZoneOffset.UTC).plusDays(7).toString());
		body.put("offerHours", 48);
		body.put("reflectionQuestions", List.of("Why do you want to run for office?"));
		return this.gateway.asStaff().post("/api/training/cohorts", body).json(201);
	}

	private static Map<String, Object> application(String name, String email) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("email", email);
		body.put("plansToRun", true);
		body.put("answers", List.of("A fictional applicant of an end-to-end test."));
		return body;
	}

	private static Map<String, Object> rsvp(String name, String email) {
		return Map.of("name", name, "email", email, "phone", "(785) 555-0100", "consent",
				Map.of("email", true, "sms", false));
	}

	/**
	 * The path and fragment of the private link to an application e-mailed to an address.
	 */
	private String applicationLinkMailedTo(String email) {
		return await().atMost(EVENTUALLY).until(() -> {
			List<String> links = new ArrayList<>();
			for (JsonNode listed : this.mail.to(email)) {
				Matcher link = APPLICATION_LINK.matcher(this.mail.message(listed).path("text").asString());
				if (link.find()) {
					links.add(link.group(1));
				}
			}
			return links.isEmpty() ? null : links.get(0);
		}, (link) -> link != null);
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
