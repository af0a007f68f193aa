package org.groundgame.endtoend;

import org.groundgame.platform.LocalPlatform;
import org.groundgame.platform.PlatformCredentials;

/**
 * Signs a person in to the organizers' console in the real browser, as they would: the
 * console sends them to identity-service's sign-in page, they give their user name and
 * password, and they land on the page they asked for. The people are the ones the local
 * platform seeds (their passwords in its credentials file).
 */
final class ConsoleSignIn {

	private final LocalPlatform platform;

	private final Browser browser;

	ConsoleSignIn(LocalPlatform platform, Browser browser) {
		this.platform = platform;
		this.browser = browser;
	}

	/** Opens a console page as national staff, signing in on the way. */
	void asStaff(String path) {
		as(this.platform.credentials().staffPerson(), path);
	}

	/** Opens a console page as the school's training staff, signing in on the way. */
	void asTrainingStaff(String path) {
		as(this.platform.credentials().trainingPerson(), path);
	}

	/**
	 * Opens the console as an organizer of a chapter, signing in on the way. A stand-in
	 * on the chapter pages' branch (i17-chapter) until the people accounts give chapters
	 * organizers who sign in: main's version replaces it when the branches meet.
	 */
	void asOrganizerOf(String chapterId) {
		throw new UnsupportedOperationException(
				"Chapter organizers cannot sign in to the console yet (people accounts): merge main's ConsoleSignIn");
	}

	void as(PlatformCredentials.Client person, String path) {
		this.browser.open(path);
		signIn(person);
	}

	/** Signs in on identity-service's page, where the browser is now. */
	void signIn(PlatformCredentials.Client person) {
		this.browser.fillIn("Username", person.clientId());
		this.browser.fillIn("Password", person.secret());
		this.browser.press("Sign in");
	}

}
