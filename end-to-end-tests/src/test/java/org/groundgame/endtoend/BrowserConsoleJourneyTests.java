package org.groundgame.endtoend;

import java.time.Duration;

import org.groundgame.platform.LocalPlatform;
import org.groundgame.platform.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organizers' console in a real browser: a person signs in against identity-service
 * (authorization code with PKCE, the console a confidential client keeping the tokens on
 * its server), sees what their role gives them, and signs out of both the console and
 * identity-service. Every page is checked for accessibility and saved as a screenshot.
 */
@ExtendWith({ RunningPlatform.class, RealBrowser.class })
class BrowserConsoleJourneyTests {

	private static final By MAIN = By.tagName("main");

	/**
	 * How long the launcher may take to notice the kill and start the web module again
	 * (as CrashRecoveryTests allows a service: a JVM starting on a busy machine).
	 */
	private static final Duration RESTART = Duration.ofMinutes(3);

	private final LocalPlatform platform;

	private final Gateway gateway;

	private final Browser browser;

	private final ConsoleSignIn signIn;

	BrowserConsoleJourneyTests(LocalPlatform platform, Gateway gateway, Browser browser) {
		this.platform = platform;
		this.gateway = gateway;
		this.browser = browser;
		this.signIn = new ConsoleSignIn(platform, gateway, browser);
	}

	@Test
	void staffSignInSeeTheNominationsWaitingForThemAndSignOutOfBothSessions() {
		// A nomination waiting for review, so that the figure counts it.
		new Organizers(this.gateway).nominateAsStaff(Organizers.STATE);

		this.signIn.asStaff("/console");

		assertThat(this.browser.address().getPath()).isEqualTo("/console");
		assertThat(this.browser.heading()).isEqualTo("Welcome, Sam Staff");
		assertThat(this.browser.text(MAIN)).contains("National staff").contains("nominations waiting for review");
		this.browser.checkAccessibility();
		this.browser.screenshot("console-staff", "1-home");

		this.browser.press("Sign out");

		assertThat(this.browser.address().getPath()).isEqualTo("/console/signed-out");
		assertThat(this.browser.heading()).isEqualTo("You are signed out");
		this.browser.checkAccessibility();
		// Both sessions ended: the console sends the person to sign in again, and
		// identity-service asks for the password again rather than signing them straight
		// back in.
		this.browser.open("/console");
		assertThat(this.browser.address().getPath()).isEqualTo("/login");
	}

	/**
	 * The console keeps its sessions in the store: killed and restarted by the launcher,
	 * the web module still knows who is signed in, and their tokens.
	 */
	@Test
	void aSignedInPersonStaysSignedInWhenTheWebModuleIsKilledAndRestarted() {
		this.signIn.asTrainingStaff("/console");
		assertThat(this.browser.heading()).isEqualTo("Welcome, Tess Trainer");
		int restarts = this.platform.restarts(Service.WEB);

		this.platform.kill(Service.WEB);
		this.platform.awaitHealthy(Service.WEB, RESTART);
		assertThat(this.platform.restarts(Service.WEB)).isEqualTo(restarts + 1);

		this.browser.open("/console/pipeline");
		assertThat(this.browser.address().getPath()).isEqualTo("/console/pipeline");
		assertThat(this.browser.heading()).isNotEqualTo("Sign in");
		this.browser.open("/console");
		assertThat(this.browser.heading()).isEqualTo("Welcome, Tess Trainer");
	}

	@Test
	void theSchoolsStaffSeeTheSchoolAndNotTheNominations() {
		this.signIn.asTrainingStaff("/console");

		assertThat(this.browser.heading()).isEqualTo("Welcome, Tess Trainer");
		assertThat(this.browser.text(MAIN)).contains("Campaign Leadership School staff")
			.contains("cohorts open for applications")
			.doesNotContain("nominations");
		this.browser.checkAccessibility();
		this.browser.screenshot("console-training", "1-home");
	}

}
