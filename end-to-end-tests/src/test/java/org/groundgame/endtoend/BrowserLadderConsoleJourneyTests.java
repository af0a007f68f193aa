package org.groundgame.endtoend;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.groundgame.platform.LocalPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The leadership ladder in the organizers' console, in a real browser, with every service
 * running: a person volunteers for their chapter (a shift, their hours recorded),
 * completes a cohort of the Campaign Leadership School, is nominated by their chapter,
 * endorsed, and wins — and the chapter's row climbs a rung at each step. The school's
 * staff look the person up by address and see every rung of their path; the chapter's
 * organizer sees their own row only, and neither the look-up nor another chapter's row,
 * by link or by a forged form. Every page is checked for accessibility and saved as a
 * screenshot.
 */
@ExtendWith({ RunningPlatform.class, RealBrowser.class })
class BrowserLadderConsoleJourneyTests {

	private static final Duration EVENTUALLY = Duration.ofSeconds(60);

	private static final By MAIN = By.tagName("main");

	private static final By ROWS = By.xpath("//table[caption[normalize-space(.)='By chapter']]/tbody");

	private static final String JOURNEY = "console-ladder";

	private final Gateway gateway;

	private final Browser browser;

	private final ConsoleSignIn signIn;

	private final Organizers organizers;

	private final CaughtMail mail;

	BrowserLadderConsoleJourneyTests(LocalPlatform platform, Gateway gateway, Browser browser) {
		this.gateway = gateway;
		this.browser = browser;
		this.signIn = new ConsoleSignIn(platform, gateway, browser);
		this.organizers = new Organizers(gateway);
		this.mail = new CaughtMail(platform.mailbox());
	}

	@Test
	void aVolunteerClimbsEveryRungStaffSeeTheirPathAndTheirChapterSeesOnlyItsOwnCounts() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String chapterId = this.organizers.registerChapter(Organizers.STATE, "Manhattan");
		String chapterName = this.gateway.anonymous()
			.get("/api/chapters/" + chapterId)
			.json(200)
			.path("name")
			.asString();
		String name = "Amara Climber " + unique;
		String email = "climber-" + unique + "@example.org";
		String ladder = "/console/ladder?chapterId=" + chapterId;

		// The school's staff open their chapter's ladder: nobody on it yet.
		this.signIn.asTrainingStaff(ladder);
		assertThat(this.browser.heading()).isEqualTo("The leadership ladder");
		assertThat(rowOf(chapterName)).endsWith(" 0 0 0 0 0");
		step("1-before");

		// She signs up with the chapter, takes a shift under way, and the chapter records
		// her three hours.
		String volunteerId = signUp(chapterId, name, email);
		String shiftId = shiftUnderWay(chapterId);
		String signupId = this.gateway.anonymous()
			.sendRaw("POST", "/api/shifts/" + shiftId + "/signups",
					HttpRequest.BodyPublishers.ofString("{\"volunteerId\":\"" + volunteerId + "\"}"), "Content-Type",
					"application/json", "X-Manage-Token", new VolunteerMail(this.mail).keyOf(email).token())
			.json(201)
			.path("id")
			.asString();
		this.gateway.asChapter(chapterId)
			.post("/api/shifts/" + shiftId + "/signups/" + signupId + "/attendance",
					Map.of("attended", true, "hours", 3))
			.json(200);
		awaitRow(ladder, chapterName, " 1 0 0 0 0");

		// She completes a one-day cohort of the school, held today.
		String cohortName = "Ladder Cohort " + unique;
		String cohortId = this.gateway.asTrainingStaff()
			.post("/api/training/cohorts", cohort(cohortName))
			.json(201)
			.path("id")
			.asString();
		Map<String, Object> application = new HashMap<>();
		application.put("name", name);
		application.put("email", email);
		application.put("plansToRun", true);
		application.put("office", "State Representative");
		this.gateway.anonymous().post("/api/training/cohorts/" + cohortId + "/applications", application).json(202);
		String enrollmentId = await().atMost(EVENTUALLY).until(() -> enrollmentOf(cohortId, email), (id) -> id != null);
		this.gateway.asTrainingStaff()
			.post("/api/training/cohorts/" + cohortId + "/completion", Map.of("graduates", List.of(enrollmentId)))
			.json(200);
		awaitRow(ladder, chapterName, " 1 1 0 0 0");

		// Her chapter nominates her by address; staff endorse her; she wins.
		String nominationId = this.organizers.nominate(chapterId, Organizers.STATE, "Riley County", name, email);
		awaitRow(ladder, chapterName, " 1 1 1 0 0");
		String endorsementId = this.organizers.endorse(nominationId);
		awaitRow(ladder, chapterName, " 1 1 1 1 0");
		this.organizers.recordOutcome(endorsementId, "WON");
		awaitRow(ladder, chapterName, " 1 1 1 1 1");
		By bars = By.xpath("//*[local-name()='svg']/*[local-name()='g'][*[local-name()='text'][1][normalize-space(.)="
				+ Browser.literal(chapterName) + "]]");
		assertThat(this.browser.text(bars).replaceAll("\\s+", ""))
			.isEqualTo((chapterName + "Volunteered1Trained1Ran1Endorsed1Won1").replaceAll("\\s+", ""));
		step("2-every-rung");

		// The school's staff look her up by address, spelt as she did not.
		this.browser.fillIn("E-mail address", " " + email.toUpperCase() + " ");
		this.browser.press("Show their path");
		String path = this.browser.text(By.xpath("//section[@aria-labelledby='path']"));
		// The badges are written in capitals (the stylesheet's), as the browser shows
		// them.
		assertThat(path).containsSubsequence("Volunteered", "REACHED", "3 hours at one shift · " + chapterName,
				"Trained", "REACHED", cohortName, "Graduated", "Ran", "REACHED", "State Representative · KS",
				"Endorsed", "REACHED", "Endorsed", "Won", "REACHED", "Won");
		assertThat(path).doesNotContainIgnoringCase("Not yet");
		step("3-path");

		// Her chapter's organizer sees their own row, and no look-up.
		this.browser.startOver();
		this.signIn.asOrganizerOf(chapterId, "/console");
		this.browser.follow("Ladder");
		assertThat(this.browser.heading()).isEqualTo("The leadership ladder");
		assertThat(this.browser.text(ROWS).lines().toList()).singleElement()
			.satisfies((row) -> assertThat(row).startsWith(chapterName).endsWith(" 1 1 1 1 1"));
		assertThat(this.browser.text(MAIN)).doesNotContain("One person's path")
			.doesNotContain("E-mail address")
			.doesNotContain("Show their path");
		step("4-chapter");

		// Neither by a forged form nor by link: the look-up and another chapter's row.
		this.browser.postForged("/console/ladder/people", Map.of("email", email));
		assertThat(this.browser.heading()).isEqualTo("Not yours to see");
		assertThat(this.browser.text(MAIN)).doesNotContain(name).doesNotContain(cohortName);
		step("5-forged-look-up");
		String otherChapter = this.organizers.registerChapter(Organizers.STATE, "Junction City");
		this.browser.open("/console/ladder?chapterId=" + otherChapter);
		assertThat(this.browser.heading()).isEqualTo("Not yours to see");
		this.browser.checkAccessibility();
	}

	/** The table's row of a chapter, as its text; waits for the page to show it. */
	private String rowOf(String chapterName) {
		return this.browser.text(By.xpath("//table[caption[normalize-space(.)='By chapter']]//tr[th[normalize-space(.)="
				+ Browser.literal(chapterName) + "]]"));
	}

	private void awaitRow(String page, String chapterName, String counts) {
		await().atMost(EVENTUALLY).untilAsserted(() -> {
			this.browser.open(page);
			assertThat(rowOf(chapterName)).endsWith(counts);
		});
	}

	private String signUp(String chapterId, String name, String email) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("email", email);
		body.put("state", Organizers.STATE);
		body.put("chapterId", chapterId);
		body.put("interests", List.of("PHONE_BANKING"));
		body.put("consent", Map.of("email", true, "sms", false));
		this.gateway.anonymous().post("/api/volunteers", body).json(202);
		return new VolunteerMail(this.mail).keyOf(email).volunteerId();
	}

	/** An opportunity of the chapter with one shift, begun ten minutes ago. */
	private String shiftUnderWay(String chapterId) {
		Instant startsAt = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		return this.gateway.asChapter(chapterId)
			.post("/api/opportunities",
					Map.of("title", "Phone bank in Manhattan " + UUID.randomUUID().toString().substring(0, 8), "type",
							"PHONE_BANK", "state", Organizers.STATE, "chapterId", chapterId, "location",
							"Union Hall, 1 Demo Street", "shifts",
							List.of(Map.of("startsAt", startsAt.toString(), "endsAt",
									startsAt.plus(3, ChronoUnit.HOURS).toString(), "capacity", 5))))
			.json(201)
			.path("shifts")
			.get(0)
			.path("id")
			.asString();
	}

	private static Map<String, Object> cohort(String name) {
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		return Map.of("name", name, "track", "CANDIDATE", "sessions", List.of(today), "format", "ONLINE", "capacity", 5,
				"applicationDeadline", today, "offerHours", 48);
	}

	/** The enrollment of an address on a cohort's roster, once it is there. */
	private String enrollmentOf(String cohortId, String email) {
		JsonNode roster = this.gateway.asTrainingStaff()
			.get("/api/training/cohorts/" + cohortId + "/enrollments")
			.json(200);
		for (JsonNode trainee : roster) {
			if (email.equals(trainee.path("email").asString())) {
				return trainee.path("id").asString();
			}
		}
		return null;
	}

	private void step(String step) {
		this.browser.checkAccessibility();
		this.browser.screenshot(JOURNEY, step);
	}

}
