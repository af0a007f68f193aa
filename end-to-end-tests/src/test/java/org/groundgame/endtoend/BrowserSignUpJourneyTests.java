package org.groundgame.endtoend;

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

/**
 * Attack 2 of issue 15, tried in a real browser through the "Join the team" form, in
 * English and in Spanish: someone who knows a person's e-mail address signs up with it
 * under another name and phone. The page answers exactly as it answers a newcomer; the
 * person's stored details (read as staff) stay as they were, also once the link e-mailed
 * to the person's address is merely opened (a mail scanner would open it); only the
 * confirm button on the page behind that link applies the change.
 */
@ExtendWith({ RunningPlatform.class, RealBrowser.class })
class BrowserSignUpJourneyTests {

	private static final By MAIN = By.tagName("main");

	private final Gateway gateway;

	private final Browser browser;

	private final VolunteerMail mail;

	BrowserSignUpJourneyTests(LocalPlatform platform, Gateway gateway, Browser browser) {
		this.gateway = gateway;
		this.browser = browser;
		this.mail = new VolunteerMail(new CaughtMail(platform.mailbox()));
	}

	@Test
	void signingUpWithSomeonesAddressChangesNothingUntilTheLinkSentToThemIsFollowed() {
		this.browser.open("/");
		assertThat(this.browser.language()).isEqualTo("en");

		signingUpWithSomeonesAddressChangesNothingUntilConfirmed(Words.ENGLISH, "sign-up");
	}

	@Test
	void theSameInSpanish() {
		this.browser.open("/");
		this.browser.follow("Español");

		assertThat(this.browser.language()).isEqualTo("es");
		assertThat(this.browser.heading()).isEqualTo("Elegimos progresistas desde la base");
		signingUpWithSomeonesAddressChangesNothingUntilConfirmed(Words.SPANISH, "sign-up-es");
	}

	private void signingUpWithSomeonesAddressChangesNothingUntilConfirmed(Words words, String journey) {
		String email = "dolores-" + unique() + "@example.org";
		this.gateway.anonymous().post("/api/volunteers", theirSignUp(email)).json(202);
		String volunteerId = this.mail.keyOf(email).volunteerId();
		JsonNode theirs = stored(volunteerId);

		// What a newcomer is told, to compare with.
		this.browser.follow(words.join(), By.cssSelector("header.site-header"));
		assertThat(this.browser.heading()).isEqualTo(words.joinTitle());
		assertThat(this.browser.language()).isEqualTo(words.language());
		this.browser.screenshot(journey, "form");
		this.browser.fillIn(words.name(), "Nadia Newcomer");
		this.browser.fillIn(words.email(), "newcomer-" + unique() + "@example.org");
		this.browser.press(words.submit());
		assertThat(this.browser.heading()).isEqualTo(words.joinedTitle());
		String newcomersAnswer = this.browser.text(MAIN);

		// The outsider, with the person's address in other capitals.
		this.browser.follow(words.join(), By.cssSelector("header.site-header"));
		this.browser.fillIn(words.name(), "Mallory Outsider");
		this.browser.fillIn(words.email(), email.toUpperCase(java.util.Locale.ROOT));
		this.browser.fillIn(words.phone(), "(775) 555-0666");
		this.browser.press(words.submit());

		assertThat(this.browser.heading()).isEqualTo(words.joinedTitle());
		assertThat(this.browser.text(MAIN)).isEqualTo(newcomersAnswer).doesNotContain(theirs.path("name").asString());
		this.browser.screenshot(journey, "answer");
		assertThat(stored(volunteerId)).isEqualTo(theirs);

		// The person opens the link e-mailed to them: the page asks, and nothing changes
		// yet.
		String link = this.mail.confirmationLinkOf(email);
		this.browser.open(link);
		assertThat(this.browser.heading()).isEqualTo(words.confirmTitle());
		assertThat(this.browser.language()).isEqualTo(words.language());
		assertThat(this.browser.showsField(words.key())).as("the key field, filled in from the link").isFalse();
		assertThat(this.browser.address().getFragment()).as("the key, out of the address bar").isNull();
		this.browser.screenshot(journey, "confirm");
		assertThat(stored(volunteerId)).isEqualTo(theirs);

		this.browser.press(words.confirm());

		assertThat(this.browser.heading()).isEqualTo(words.confirmedTitle());
		this.browser.screenshot(journey, "confirmed");
		JsonNode changed = stored(volunteerId);
		assertThat(changed.path("name").asString()).isEqualTo("Mallory Outsider");
		assertThat(changed.path("phone").asString()).isEqualTo("+17755550666");
		assertThat(changed.path("email").asString()).isEqualToIgnoringCase(email);
	}

	private JsonNode stored(String volunteerId) {
		return this.gateway.asStaff().get("/api/volunteers/" + volunteerId).json(200);
	}

	private static Map<String, Object> theirSignUp(String email) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Dolores Huerta " + unique());
		body.put("email", email);
		body.put("phone", "(702) 555-0147");
		body.put("state", "NV");
		body.put("interests", List.of("CANVASSING"));
		body.put("consent", Map.of("email", true, "sms", false));
		body.put("source", "end-to-end test");
		return body;
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/** The words a person reads and acts on, in each language of the site. */
	private record Words(String language, String join, String joinTitle, String name, String email, String phone,
			String submit, String joinedTitle, String confirmTitle, String key, String confirm, String confirmedTitle) {

		static final Words ENGLISH = new Words("en", "Join", "Join the team", "Your name", "E-mail address",
				"Phone (optional)", "Join the team", "Thank you! Check your e-mail", "Confirm it's you",
				"The key from your e-mail", "Yes, it was me: confirm", "Confirmed — your details are up to date");

		static final Words SPANISH = new Words("es", "Únete", "Únete al equipo", "Tu nombre", "Correo electrónico",
				"Teléfono (opcional)", "Únete al equipo", "¡Gracias! Revisa tu correo", "Confirma que eres tú",
				"La clave de tu correo", "Sí, fui yo: confirmar", "Confirmado: tus datos están al día");

	}

}
