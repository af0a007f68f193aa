package org.groundgame.endtoend;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor finds their way around the public site in a real browser, at a phone's and at
 * a desktop's width: the home page and, from its link, a candidate's page; the candidates
 * filtered by state, the races, the results, the chapter directory and a chapter's page,
 * the opportunities and one opportunity, the school, the join form; and an unknown
 * candidate is the friendly "not found" page, not a JSON document. Every page is checked
 * with axe-core on the way ({@link Browser}), and the main ones are saved as screenshots.
 * The candidate, chapter and opportunity are made through the API, once, in a state no
 * other test uses (NV).
 */
@ExtendWith({ RunningPlatform.class, RealBrowser.class })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserVisitorJourneyTests {

	private static final String STATE = "NV";

	static final String CANDIDATE = "Marisol Vega";

	static final String CHAPTER = "Silver State Organizers";

	static final String OPPORTUNITY = "Canvass for " + CANDIDATE;

	private static final By HEADER = By.cssSelector("header.site-header");

	private static final By FOOTER = By.cssSelector("footer.site-footer");

	private static final By RESULTS = By.id("results");

	private static final By LATEST = By.cssSelector("section[aria-labelledby='latest-title']");

	private final Browser browser;

	private final String endorsementId;

	BrowserVisitorJourneyTests(Gateway gateway, Browser browser) {
		this.browser = browser;
		Organizers organizers = new Organizers(gateway);
		String chapterId = gateway.asStaff()
			.post("/api/chapters",
					Map.of("name", CHAPTER, "state", STATE, "city", "Reno", "contactEmail",
							"hello@silver-state-organizers.example"))
			.json(201)
			.path("id")
			.asString();
		this.endorsementId = organizers
			.endorse(organizers.nominate(chapterId, STATE, "Nevada Assembly", CANDIDATE, "marisol.vega@example.org"));
		Instant saturday = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		Map<String, Object> canvass = new LinkedHashMap<>();
		canvass.put("title", OPPORTUNITY);
		canvass.put("description", "Fictional: knock on doors in Reno for " + CANDIDATE + ". We pair newcomers up.");
		canvass.put("type", "CANVASS");
		canvass.put("endorsementId", this.endorsementId);
		canvass.put("chapterId", chapterId);
		canvass.put("state", STATE);
		canvass.put("location", "Fictional Park Pavilion, 1 Example Way, Reno");
		canvass.put("shifts", List.of(Map.of("startsAt", saturday.toString(), "endsAt",
				saturday.plus(3, ChronoUnit.HOURS).toString(), "capacity", 10)));
		gateway.asChapter(chapterId).post("/api/opportunities", canvass).json(201);
	}

	@ParameterizedTest
	@EnumSource(Browser.Width.class)
	void aVisitorReadsTheHomePageAndACandidatesPageFromIt(Browser.Width width) {
		this.browser.resize(width);
		this.browser.open("/");

		assertThat(this.browser.heading()).isEqualTo("Electing progressives, from the ground up");
		assertThat(this.browser.language()).isEqualTo("en");
		assertThat(this.browser.links(LATEST)).contains(CANDIDATE);
		this.browser.screenshot("home", "page");

		this.browser.follow(CANDIDATE, LATEST);

		assertThat(this.browser.address().getPath()).isEqualTo("/candidates/" + this.endorsementId);
		assertThat(this.browser.heading()).isEqualTo(CANDIDATE);
		assertThat(this.browser.title()).startsWith(CANDIDATE);
		assertThat(this.browser.text(By.tagName("main"))).contains("State Representative", "Nevada Assembly",
				"Volunteer for this campaign");
		this.browser.screenshot("candidate", "page");
	}

	@ParameterizedTest
	@EnumSource(Browser.Width.class)
	void aVisitorFindsCandidatesRacesResultsChaptersShiftsTheSchoolAndTheJoinForm(Browser.Width width) {
		this.browser.resize(width);
		this.browser.open("/");

		this.browser.follow("Candidates", HEADER);
		assertThat(this.browser.heading()).isEqualTo("Meet our endorsed candidates");
		this.browser.fillIn("State", STATE);
		this.browser.pressInPlace("Show");
		this.browser.awaitText(RESULTS, CANDIDATE);
		assertThat(this.browser.links(RESULTS)).containsExactly(CANDIDATE);
		assertThat(this.browser.address().getQuery()).contains("state=" + STATE);
		this.browser.checkAccessibility();
		this.browser.screenshot("candidates", "by-state");

		this.browser.follow("Races", HEADER);
		assertThat(this.browser.heading()).isEqualTo("Current races");
		assertThat(this.browser.text(By.tagName("main"))).contains(CANDIDATE);
		this.browser.screenshot("races", "page");

		this.browser.follow("Results", FOOTER);
		assertThat(this.browser.heading()).isEqualTo("Results");
		this.browser.screenshot("results", "page");

		this.browser.follow("Chapters", HEADER);
		assertThat(this.browser.heading()).isEqualTo("Find your chapter");
		this.browser.fillIn("State", STATE);
		this.browser.press("Show");
		assertThat(this.browser.headings(2)).containsExactly("Chapters in " + STATE);
		this.browser.screenshot("chapters", "by-state");
		this.browser.follow(CHAPTER);
		assertThat(this.browser.heading()).isEqualTo(CHAPTER);
		assertThat(this.browser.text(By.tagName("main"))).contains(OPPORTUNITY, CANDIDATE);
		this.browser.screenshot("chapter", "page");

		this.browser.follow("Volunteer", HEADER);
		assertThat(this.browser.heading()).isEqualTo("Volunteer opportunities");
		this.browser.fillIn("State", STATE);
		this.browser.pressInPlace("Show");
		this.browser.awaitText(RESULTS, OPPORTUNITY);
		this.browser.checkAccessibility();
		this.browser.screenshot("opportunities", "by-state");
		this.browser.follow(OPPORTUNITY, RESULTS);
		assertThat(this.browser.heading()).isEqualTo(OPPORTUNITY);
		assertThat(this.browser.text(By.tagName("main"))).contains("Fictional Park Pavilion", "RSVP");
		this.browser.screenshot("opportunity", "page");

		this.browser.follow("Leadership School", HEADER);
		assertThat(this.browser.heading()).isEqualTo("Campaign Leadership School");
		this.browser.screenshot("school", "page");

		this.browser.follow("Join", HEADER);
		assertThat(this.browser.heading()).isEqualTo("Join the team");
		assertThat(this.browser.showsField("E-mail address")).isTrue();
		this.browser.screenshot("join", "form");
	}

	@Test
	void anUnknownCandidateIsTheFriendlyNotFoundPage() {
		this.browser.open("/candidates/" + UUID.randomUUID());

		assertThat(this.browser.contentType()).isEqualTo("text/html");
		assertThat(this.browser.heading()).isEqualTo("We can't find that page");
		assertThat(this.browser.links(By.tagName("main"))).contains("Go to the home page");
		this.browser.screenshot("not-found", "candidate");

		this.browser.follow("Go to the home page");
		assertThat(this.browser.heading()).isEqualTo("Electing progressives, from the ground up");
	}

}
