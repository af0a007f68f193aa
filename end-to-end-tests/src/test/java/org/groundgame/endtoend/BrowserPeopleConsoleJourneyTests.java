package org.groundgame.endtoend;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.groundgame.platform.LocalPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People's accounts, in a real browser: national staff invite a chapter organizer from
 * the console, who chooses a password from the link e-mailed to them and signs in to
 * their chapter's console; national staff cannot get past their password without the
 * one-time code of their authenticator; and an organizer cannot open the people pages.
 */
@ExtendWith({ RunningPlatform.class, RealBrowser.class })
class BrowserPeopleConsoleJourneyTests {

	private static final By MAIN = By.tagName("main");

	private final Gateway gateway;

	private final Browser browser;

	private final ConsoleSignIn signIn;

	BrowserPeopleConsoleJourneyTests(LocalPlatform platform, Gateway gateway, Browser browser) {
		this.gateway = gateway;
		this.browser = browser;
		this.signIn = new ConsoleSignIn(platform, gateway, browser);
	}

	@Test
	void staffInviteAnOrganizerWhoChoosesAPasswordFromTheLinkAndSignsIn() {
		String chapterId = new Organizers(this.gateway).registerChapter(Organizers.STATE, "Manhattan");
		String chapterName = this.gateway.anonymous()
			.get("/api/chapters/" + chapterId)
			.json(200)
			.path("name")
			.asString();
		String email = "organizer-" + UUID.randomUUID() + "@example.org";

		this.signIn.asStaff("/console/people");
		assertThat(this.browser.heading()).isEqualTo("People");
		this.browser.checkAccessibility();
		this.browser.follow("Invite someone");
		this.browser.fillIn("E-mail address", email);
		this.browser.fillIn("Name", "Marisol Organizer");
		this.browser.tick("Chapter organizer");
		this.browser.choose("Chapter (for a chapter organizer)", chapterName + " (" + Organizers.STATE + ")");
		this.browser.checkAccessibility();
		this.browser.screenshot("console-people", "1-invite");
		this.browser.press("Send the invitation");

		assertThat(this.browser.heading()).isEqualTo("Marisol Organizer");
		assertThat(this.browser.text(MAIN)).contains("Invitation sent to Marisol Organizer.")
			.contains("Invited, no password yet")
			.contains(chapterName);
		this.browser.checkAccessibility();
		this.browser.screenshot("console-people", "2-invited");

		// The organizer, in their own browser, from the e-mail.
		this.browser.startOver();
		ConsoleSignIn.Person organizer = this.signIn.accept(email, "Marisol Organizer");
		this.signIn.as(organizer, "/console");

		assertThat(this.browser.address().getPath()).isEqualTo("/console");
		assertThat(this.browser.heading()).isEqualTo("Welcome, Marisol Organizer");
		assertThat(this.browser.text(MAIN)).contains("Chapter organizer").contains("members of your chapter");
		this.browser.checkAccessibility();
		this.browser.screenshot("console-people", "3-organizer-signed-in");
	}

	@Test
	void staffCannotSignInWithoutTheOneTimeCodeOfTheirAuthenticator() {
		ConsoleSignIn.Person staff = this.signIn.invite("STAFF", null);

		this.browser.open("/console");
		this.signIn.password(staff);
		// Their first sign-in sets up the authenticator: the page shows its key.
		assertThat(this.browser.address().getPath()).isEqualTo("/account/enrol");
		String key = this.browser.text(By.cssSelector("code.setup-key")).replaceAll("\\s", "");
		this.browser.checkAccessibility();
		this.browser.screenshot("console-staff-code", "1-enrol");
		this.browser.fillIn("One-time code", wrongCodeFor(key, Instant.now()));
		this.browser.press("Finish setting up");

		assertThat(this.browser.address().getPath()).isEqualTo("/account/enrol");
		assertThat(this.browser.text(MAIN)).contains("That code did not work");
		this.browser.checkAccessibility();
		// Without the code, nothing of the console opens.
		this.browser.open("/console");
		assertThat(this.browser.address().getPath()).isNotEqualTo("/console");
	}

	@Test
	void anOrganizerCannotOpenThePeoplePages() {
		String chapterId = new Organizers(this.gateway).registerChapter(Organizers.STATE, "Salina");

		this.signIn.asOrganizerOf(chapterId, "/console/people");

		assertThat(this.browser.heading()).isEqualTo("Not yours to see");
		this.browser.checkAccessibility();
	}

	/**
	 * Six digits that are none of the codes the key makes in the steps around now (a code
	 * one step early or late is accepted too).
	 */
	private static String wrongCodeFor(String key, Instant now) {
		Set<String> accepted = Set.of(ConsoleSignIn.code(key, now.minusSeconds(30)), ConsoleSignIn.code(key, now),
				ConsoleSignIn.code(key, now.plusSeconds(30)), ConsoleSignIn.code(key, now.plusSeconds(60)));
		return Stream.of("000000", "111111", "222222", "333333", "444444")
			.filter((code) -> !accepted.contains(code))
			.findFirst()
			.orElseThrow();
	}

}
