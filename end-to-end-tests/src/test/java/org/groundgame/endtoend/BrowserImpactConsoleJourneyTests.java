package org.groundgame.endtoend;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.groundgame.platform.LocalPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A race's impact in the organizers' console, in a real browser, with every service
 * running: staff research a race and endorse it, two chapters run phone banks and a
 * canvass for it, volunteers RSVP and are checked in with their hours, and the race is
 * won. National staff then see, side by side, the research, each chapter's shifts, seats
 * and hours by type of work, and the result; the nominating chapter's organizer sees
 * their own chapter's part and the result, and neither the research nor the other
 * chapter's numbers, whatever they put in the address or ask the API. Every page is
 * checked for accessibility and saved as a screenshot.
 */
@ExtendWith({ RunningPlatform.class, RealBrowser.class })
class BrowserImpactConsoleJourneyTests {

	/** A state no other test's races are in, so that the list shows this race. */
	private static final String STATE = "WY";

	private static final By MAIN = By.tagName("main");

	private static final String JOURNEY = "console-impact";

	private final Gateway gateway;

	private final Browser browser;

	private final ConsoleSignIn signIn;

	private final Organizers organizers;

	BrowserImpactConsoleJourneyTests(LocalPlatform platform, Gateway gateway, Browser browser) {
		this.gateway = gateway;
		this.browser = browser;
		this.signIn = new ConsoleSignIn(platform, gateway, browser);
		this.organizers = new Organizers(gateway);
	}

	@Test
	void staffSeeTheResearchEveryChaptersEffortAndTheResultSideBySideAndAnOrganizerOnlyTheirOwnPart() {
		String cheyenne = this.organizers.registerChapter(STATE, "Cheyenne");
		String casper = this.organizers.registerChapter(STATE, "Casper");
		String cheyenneName = chapterName(cheyenne);
		String casperName = chapterName(casper);
		String candidate = "Robin Impact " + unique();

		// Cheyenne nominates; staff research the race and endorse.
		String nomination = this.organizers.nominate(cheyenne, STATE, "Wyoming House of Representatives", candidate,
				"robin-" + unique() + "@example.org");
		this.gateway.asStaff()
			.send("PUT", "/api/nominations/" + nomination + "/research",
					Map.of("incumbency", "OPEN_SEAT", "winNumber", 4200, "polling",
							List.of(Map.of("pollster", "Prairie Polling", "date",
									LocalDate.now().minusDays(10).toString(), "numbers", "48-44")),
							"fundraising", Map.of("amount", 125000, "source", "https://fundraising.example/robin")))
			.json(200);
		String endorsement = this.organizers.endorse(nomination);

		// Both chapters work for the race: Cheyenne a phone bank under way and a canvass
		// in three days, Casper a phone bank under way.
		String cheyennePhones = shift(cheyenne, endorsement, "PHONE_BANK", "Phone bank for " + candidate, true, 5);
		String cheyenneCanvass = shift(cheyenne, endorsement, "CANVASS", "Canvass for " + candidate, false, 8);
		String casperPhones = shift(casper, endorsement, "PHONE_BANK", "Casper calls for " + candidate, true, 4);
		rsvp(cheyennePhones, "Ana Caller");
		rsvp(cheyenneCanvass, "Ben Walker");
		rsvp(casperPhones, "Cal Dialer");
		checkIn(cheyenne, cheyennePhones, "Ana Caller", 2.5);
		checkIn(casper, casperPhones, "Cal Dialer", 3);
		this.organizers.recordOutcome(endorsement, "WON");

		// Staff find the race among the endorsed ones, with its result and effort.
		this.signIn.asStaff("/console/impact?state=" + STATE);
		assertThat(this.browser.heading()).isEqualTo("Race impact");
		assertThat(this.browser.text(row(candidate))).containsIgnoringCase("Won").contains("5.5");
		step("staff-1-races");
		this.browser.follow(candidate);
		assertThat(this.browser.heading()).isEqualTo(candidate);

		// Side by side: the win number, every chapter's hours, the result.
		assertThat(this.browser.text(By.id("figure-research"))).contains("4,200").contains("votes to win");
		assertThat(this.browser.text(By.id("figure-effort"))).contains("5.5")
			.contains("hours volunteered, every chapter")
			.contains("3 shifts · 3 seats filled · 2 volunteers");
		assertThat(this.browser.text(By.id("figure-result"))).contains("Won");
		assertThat(this.browser.text(MAIN)).contains("Open seat", "Prairie Polling", "48-44", "$125,000");
		// Each chapter's shifts, seats filled of seats, attended, no-shows, volunteers,
		// hours; most hours first.
		assertThat(this.browser.text(row(casperName + " (" + STATE + ")")))
			.isEqualTo(casperName + " (" + STATE + ") 1 1 of 4 1 0 1 3");
		assertThat(this.browser.text(row(cheyenneName + " (" + STATE + ")")))
			.isEqualTo(cheyenneName + " (" + STATE + ") 2 2 of 13 1 0 1 2.5");
		assertThat(this.browser.text(row("Total"))).isEqualTo("Total 3 3 of 17 2 0 2 5.5");
		assertThat(this.browser.text(row("Phone bank"))).isEqualTo("Phone bank 2 2 of 9 2 5.5");
		assertThat(this.browser.text(row("Canvass"))).isEqualTo("Canvass 1 1 of 8 0 0");
		// The badges are capitals on the screen.
		assertThat(this.browser.text(MAIN)).containsSubsequence("The result", "General election", "WON");
		step("staff-2-race");

		// Cheyenne's organizer: their own part and the result, nothing else.
		this.browser.startOver();
		this.signIn.asOrganizerOf(cheyenne, "/console/impact?state=" + STATE);
		assertThat(this.browser.heading()).isEqualTo("Race impact");
		assertThat(this.browser.text(row(candidate))).containsIgnoringCase("Won").contains("2.5").doesNotContain("5.5");
		step("organizer-1-races");
		this.browser.follow(candidate);
		assertThat(this.browser.heading()).isEqualTo(candidate);
		assertThat(this.browser.text(By.id("figure-effort"))).contains("2.5")
			.contains("hours your chapter volunteered")
			.contains("2 shifts · 2 seats filled · 1 volunteer");
		assertThat(this.browser.text(row(cheyenneName + " (" + STATE + ")")))
			.isEqualTo(cheyenneName + " (" + STATE + ") 2 2 of 13 1 0 1 2.5");
		assertThat(this.browser.text(MAIN)).contains("Won")
			.doesNotContain(casperName)
			.doesNotContain("5.5")
			.doesNotContain("votes to win")
			.doesNotContain("4,200")
			.doesNotContain("Prairie Polling");
		assertThat(this.browser.headings(2)).doesNotContain("The research");
		step("organizer-2-race");

		// Another chapter's numbers cannot be opened: not by naming it in the address,
		// not by asking the API for it.
		this.browser.open("/console/impact/" + endorsement + "?chapter=" + casper);
		assertThat(this.browser.text(MAIN)).doesNotContain(casperName).doesNotContain("5.5");
		JsonNode asked = this.gateway.asChapter(cheyenne)
			.get("/api/opportunities/effort?endorsementId=" + endorsement + "&chapterId=" + casper)
			.json(200);
		assertThat(asked.path("chapters").valueStream().map((part) -> part.path("chapterId").asString()))
			.containsExactly(cheyenne);
		assertThat(asked.path("totals").path("hours").asDouble()).isEqualTo(2.5);
		assertThat(this.gateway.asChapter(cheyenne)
			.get("/api/opportunities/effort/endorsements?endorsementId=" + endorsement)
			.json(200)
			.path("endorsements")
			.get(0)
			.path("totals")
			.path("hours")
			.asDouble()).isEqualTo(2.5);
		// The control: staff's answer has both chapters.
		assertThat(this.gateway.asStaff()
			.get("/api/opportunities/effort?endorsementId=" + endorsement)
			.json(200)
			.path("chapters")
			.valueStream()
			.map((part) -> part.path("chapterId").asString())).containsExactly(casper, cheyenne);
	}

	// Helpers

	/**
	 * A chapter's open opportunity for the endorsement with one shift: under way (started
	 * an hour ago), or in three days.
	 * @return the shift's id
	 */
	private String shift(String chapterId, String endorsementId, String type, String title, boolean underWay,
			int capacity) {
		Instant start = underWay ? Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES)
				: Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		return this.gateway.asChapter(chapterId)
			.post("/api/opportunities",
					Map.of("title", title, "type", type, "state", STATE, "chapterId", chapterId, "endorsementId",
							endorsementId, "location", "Union Hall, 1 Demo Street", "shifts",
							List.of(Map.of("startsAt", start.toString(), "endsAt",
									start.plus(3, ChronoUnit.HOURS).toString(), "capacity", capacity))))
			.json(201)
			.path("shifts")
			.get(0)
			.path("id")
			.asString();
	}

	/** A person RSVPs on the public site's API and holds a seat. */
	private void rsvp(String shiftId, String name) {
		JsonNode held = this.gateway.anonymous()
			.post("/api/shifts/" + shiftId + "/rsvps",
					Map.of("name", name, "email", "impact-" + unique() + "@example.org", "phone", "(307) 555-0100",
							"consent", Map.of("email", false, "sms", false)))
			.json(202);
		assertThat(held.path("status").asString()).isEqualTo("REGISTERED");
	}

	/** The chapter's organizers record that the person came, with their hours. */
	private void checkIn(String chapterId, String shiftId, String name, double hours) {
		String signupId = this.gateway.asChapter(chapterId)
			.get("/api/shifts/" + shiftId + "/signups")
			.json(200)
			.path("content")
			.valueStream()
			.filter((signup) -> name.equals(signup.path("name").asString()))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
		this.gateway.asChapter(chapterId)
			.post("/api/shifts/" + shiftId + "/signups/" + signupId + "/attendance",
					Map.of("attended", true, "hours", hours))
			.json(200);
	}

	private String chapterName(String chapterId) {
		return this.gateway.anonymous().get("/api/chapters/" + chapterId).json(200).path("name").asString();
	}

	/** A table's row by its header cell. */
	private static By row(String header) {
		return By.xpath("//tr[th[normalize-space(.)=" + Browser.literal(header) + "]]");
	}

	private void step(String name) {
		this.browser.checkAccessibility();
		this.browser.screenshot(JOURNEY, name);
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
