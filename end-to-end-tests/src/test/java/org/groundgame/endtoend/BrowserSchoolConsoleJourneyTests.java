package org.groundgame.endtoend;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
 * The Campaign Leadership School run from the organizers' console in a real browser: the
 * school's staff open a cohort, watch people apply and line up, add a seat (offered to
 * the first in line, who accepts it from their e-mail's link), enroll someone out of turn
 * with a reason, take attendance, complete the cohort, and find its graduates counted in
 * the candidate pipeline, by name behind the number. Every console page is checked for
 * accessibility and saved as a screenshot.
 */
@ExtendWith({ RunningPlatform.class, RealBrowser.class })
class BrowserSchoolConsoleJourneyTests {

	private static final Duration EVENTUALLY = Duration.ofSeconds(60);

	private static final By MAIN = By.tagName("main");

	private static final String JOURNEY = "console-school";

	private static final Pattern APPLICATION_LINK = Pattern
		.compile("https?://[^/\\s]+(/training/enrollments/[A-Za-z0-9-]+#token=[A-Za-z0-9_-]+)");

	private final Gateway gateway;

	private final Browser browser;

	private final ConsoleSignIn signIn;

	private final CaughtMail mail;

	BrowserSchoolConsoleJourneyTests(LocalPlatform platform, Gateway gateway, Browser browser) {
		this.gateway = gateway;
		this.browser = browser;
		this.signIn = new ConsoleSignIn(platform, gateway, browser);
		this.mail = new CaughtMail(platform.mailbox());
	}

	@Test
	void trainingStaffRunACohortThroughOffersAttendanceAndCompletionAndThePipelineChartCountsTheGraduate() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String name = "Candidate School " + unique;
		LocalDate today = LocalDate.now(ZoneOffset.UTC);

		// The school's staff sign in and open a one-day cohort of one seat, held today.
		signInToTheSchool("/console/cohorts");
		assertThat(this.browser.heading()).isEqualTo("Cohorts");
		step("1-cohorts");
		this.browser.follow("Open a cohort");
		assertThat(this.browser.heading()).isEqualTo("Open a cohort");
		this.browser.fillIn("Name", name);
		this.browser.choose("Track", "Candidate track");
		this.browser.fillIn("Session days", today.toString());
		this.browser.choose("Format", "Online");
		this.browser.fillIn("Seats", "1");
		this.browser.fillIn("Applications close on", today.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
		this.browser.fillIn("Hours to accept a seat offered", "48");
		this.browser.fillIn("Reflection questions", "Why do you want to run for office?");
		step("2-new-cohort");
		this.browser.press("Open the cohort");
		assertThat(this.browser.heading()).isEqualTo(name);
		assertThat(this.browser.text(MAIN)).contains("The cohort is open for applications.");
		String cohortPath = this.browser.address().getPath();
		String cohortId = cohortPath.substring(cohortPath.lastIndexOf('/') + 1);

		// Three people apply: the first takes the seat, the others line up.
		String adaEmail = "ada-" + unique + "@example.org";
		String beaEmail = "bea-" + unique + "@example.org";
		String cyEmail = "cy-" + unique + "@example.org";
		apply(cohortId, "Ada First", adaEmail);
		applicationLinkMailedTo(adaEmail);
		apply(cohortId, "Bea Second", beaEmail);
		String beaLink = applicationLinkMailedTo(beaEmail);
		apply(cohortId, "Cy Third", cyEmail);
		applicationLinkMailedTo(cyEmail);
		this.browser.open(cohortPath);
		assertThat(this.browser.text(By.xpath("//table[caption[starts-with(., 'Holding a seat')]]")))
			.contains("Ada First");
		assertThat(this.browser.text(By.xpath("//table[caption[starts-with(., 'The line')]]"))).containsSubsequence("1",
				"Bea Second", "2", "Cy Third");
		step("3-roster-and-line");

		// A second seat: offered at once to the first in line, with its deadline.
		this.browser.fillIn("Seats", "2");
		this.browser.press("Change capacity");
		assertThat(this.browser.text(MAIN)).contains("The capacity is changed.");
		assertThat(this.browser.text(By.xpath("//table[caption[starts-with(., 'Holding a seat')]]")))
			.contains("Bea Second")
			.containsIgnoringCase("Seat offered")
			.contains("until ");
		step("4-seat-offered");

		// Bea accepts the seat from the link in her e-mail.
		this.browser.openPrivateLink(beaLink);
		await().atMost(EVENTUALLY).untilAsserted(() -> {
			this.browser.open(beaLink.substring(0, beaLink.indexOf('#')));
			assertThat(this.browser.text(MAIN)).contains("A seat is offered to you");
		});
		this.browser.press("Accept the seat");
		assertThat(this.browser.text(MAIN)).contains("Your seat is confirmed");

		// Cy is enrolled out of turn, over capacity, with the reason recorded.
		this.browser.open(cohortPath);
		assertThat(this.browser.text(By.xpath("//table[caption[starts-with(., 'Holding a seat')]]")))
			.contains("Bea Second")
			.containsIgnoringCase("Enrolled");
		this.browser.follow("Cy Third");
		assertThat(this.browser.heading()).isEqualTo("Application of Cy Third");
		assertThat(this.browser.text(MAIN)).contains(cyEmail).contains("number 1 in line");
		this.browser.fillIn("Why enroll them out of turn?", "Returning from last year's cohort, missed the deadline.");
		step("5-override");
		this.browser.press("Enroll out of turn");
		assertThat(this.browser.text(MAIN)).contains("The trainee is enrolled, and the reason recorded.");
		assertThat(this.browser.text(By.xpath("//table[caption[starts-with(., 'Holding a seat')]]")))
			.contains("Cy Third")
			.contains("enrolled by staff");

		// Attendance: Ada and Bea were there, Cy was not.
		this.browser.follow("Take attendance, session 1");
		assertThat(this.browser.heading()).isEqualTo("Attendance, session 1");
		this.browser.tick("Ada First");
		this.browser.tick("Bea Second");
		this.browser.untick("Cy Third");
		step("6-attendance");
		this.browser.press("Save attendance");
		assertThat(this.browser.text(MAIN)).contains("The attendance is recorded.");

		// Completion: those present at every session graduate.
		this.browser.press("Complete the cohort");
		assertThat(this.browser.text(MAIN)).contains("The cohort is completed.");
		String finished = this.browser.text(By.xpath("//table[caption[starts-with(., 'No longer in the running')]]"));
		assertThat(finished).containsPattern("Ada First\\s+(?i:graduated)")
			.containsPattern("Bea Second\\s+(?i:graduated)")
			.containsPattern("Cy Third\\s+(?i:did not complete)");
		step("7-completed");

		// The pipeline counts the two graduates, in its chart and its table.
		By cohortRow = By
			.xpath("//section[@aria-labelledby='by-cohort']//tr[th[normalize-space(.)=" + Browser.literal(name) + "]]");
		await().atMost(EVENTUALLY).untilAsserted(() -> {
			this.browser.open("/console/pipeline");
			assertThat(this.browser.text(cohortRow)).contains("Candidate track").endsWith(" 2 0 0 0");
		});
		assertThat(this.browser.heading()).isEqualTo("The candidate pipeline");
		By bars = By.xpath(
				"//section[@aria-labelledby='by-cohort']//*[local-name()='g'][*[local-name()='text'][1][normalize-space(.)="
						+ Browser.literal(name) + "]]");
		// The bars' texts, however the browser spaces them: the cohort, then each stage
		// with its number.
		assertThat(this.browser.text(bars).replaceAll("\\s+", ""))
			.isEqualTo((name + "Trained2Ran0Endorsed0Won0").replaceAll("\\s+", ""));
		step("8-pipeline");

		// Behind the number: the graduates by name, and nobody else.
		this.browser.follow("2", cohortRow);
		assertThat(this.browser.heading()).isEqualTo("Graduates");
		String graduates = this.browser.text(By.tagName("table"));
		assertThat(graduates).contains("Ada First").contains("Bea Second").doesNotContain("Cy Third");
		assertThat(this.browser.text(MAIN)).doesNotContain(adaEmail).doesNotContain(beaEmail);
		step("9-graduates");
	}

	/**
	 * Signs in as the person who runs the school. The local platform's training-staff
	 * person until campaign-training-service takes their role, national staff until then.
	 */
	private void signInToTheSchool(String path) {
		this.signIn.asTrainingStaff(path);
	}

	private void step(String step) {
		this.browser.checkAccessibility();
		this.browser.screenshot(JOURNEY, step);
	}

	private void apply(String cohortId, String name, String email) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("email", email);
		body.put("plansToRun", true);
		body.put("office", "City Council");
		body.put("answers", List.of("A fictional applicant of an end-to-end test."));
		this.gateway.anonymous().post("/api/training/cohorts/" + cohortId + "/applications", body).json(202);
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

}
