package org.groundgame.identity.account;

import java.net.http.HttpResponse;
import java.util.Map;

import org.groundgame.identity.Accounts;
import org.groundgame.identity.Browser;
import org.groundgame.identity.IdentityHttp;
import org.groundgame.identity.IdentityServiceIntegrationTest;
import org.groundgame.identity.MailTestConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in and account pages speak the browser's language, English or Spanish, as the
 * console they lead to does: a Spanish-speaking organizer signs in in Spanish.
 */
@IdentityServiceIntegrationTest
class PagesInSpanishIntegrationTests {

	private final IdentityHttp http;

	private final Accounts accounts;

	@Autowired
	PagesInSpanishIntegrationTests(@LocalServerPort int port) {
		this.http = new IdentityHttp(port);
		this.accounts = new Accounts(this.http);
	}

	@Test
	void aBrowserThatPrefersSpanishGetsTheSignInPageInSpanish() {
		HttpResponse<String> page = signInPage(new Browser(this.http).inLanguage("es-MX,es;q=0.9,en;q=0.8"));

		assertThat(page.body()).containsPattern("<html[^>]* lang=\"es\"")
			.contains("<title>Iniciar sesión · Ground Game</title>")
			.contains("<h1>Iniciar sesión</h1>")
			.contains("<label for=\"f-username\">Correo electrónico</label>")
			.contains("<label for=\"f-password\">Contraseña</label>")
			.contains("¿Olvidaste tu contraseña?")
			.doesNotContain("E-mail address")
			.doesNotContain("Forgot your password?");
	}

	@Test
	void anEnglishOrUnknownLanguageGetsTheSignInPageInEnglish() {
		for (String language : new String[] { "en-US,en;q=0.9,es;q=0.5", "fr-FR", "" }) {
			Browser browser = new Browser(this.http);
			if (!language.isEmpty()) {
				browser.inLanguage(language);
			}
			HttpResponse<String> page = signInPage(browser);

			assertThat(page.body()).as(language)
				.containsPattern("<html[^>]* lang=\"en\"")
				.contains("<title>Sign in · Ground Game</title>")
				.contains("<h1>Sign in</h1>")
				.contains("<label for=\"f-username\">E-mail address</label>")
				.contains("<label for=\"f-password\">Password</label>")
				.doesNotContain("Iniciar sesión");
		}
	}

	@Test
	void aFailedSignInInSpanishSaysWhatWentWrongInSpanish() {
		// From an address of its own: the failure counts against no other test's
		// allowance.
		Browser browser = new Browser(this.http, "10.9.0.1").inLanguage("es");

		HttpResponse<String> failed = browser.signIn(Accounts.newEmail("nobody"), "not the password");
		assertThat(browser.location(failed)).endsWith("/login?error");
		HttpResponse<String> page = browser.get(browser.location(failed));

		assertThat(page.body()).containsPattern("<html[^>]* lang=\"es\"")
			.contains("Ese correo electrónico y esa contraseña no funcionaron. Revísalos y vuelve a intentarlo")
			.doesNotContain("did not work");
	}

	@Test
	void theOneTimeCodePageAndItsRefusalAreInTheBrowsersLanguage() {
		String email = Accounts.newEmail("staff-es");
		this.accounts.active(email, "STAFF", null);
		this.accounts.enrol(new Browser(this.http), email);

		Browser spanish = new Browser(this.http, "10.9.0.2").inLanguage("es");
		HttpResponse<String> code = spanish.get(spanish.location(spanish.signIn(email, Accounts.GOOD_PASSWORD)));
		assertThat(code.statusCode()).isEqualTo(200);
		assertThat(code.body()).containsPattern("<html[^>]* lang=\"es\"")
			.contains("<h1>Escribe tu código de un solo uso</h1>")
			.contains("<label for=\"f-code\">Código de un solo uso</label>")
			.doesNotContain("Enter your one-time code");
		HttpResponse<String> wrong = spanish.post("/account/code", code, Map.of("code", "not-a-code"));
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(wrong.body()).contains("Ese código no funcionó.");

		Browser english = new Browser(this.http).inLanguage("en");
		HttpResponse<String> inEnglish = english.get(english.location(english.signIn(email, Accounts.GOOD_PASSWORD)));
		assertThat(inEnglish.body()).containsPattern("<html[^>]* lang=\"en\"")
			.contains("<h1>Enter your one-time code</h1>")
			.contains("<label for=\"f-code\">One-time code</label>");
	}

	@Test
	void theInvitationsPasswordPageAndItsRefusalsAreInSpanish() {
		String email = Accounts.newEmail("invited-es");
		this.accounts.invited(email, "TRAINING_STAFF", null);
		String link = MailTestConfiguration.awaitLink(email, 1);
		Browser browser = new Browser(this.http).inLanguage("es");

		HttpResponse<String> page = browser.get(link);
		assertThat(page.body()).containsPattern("<html[^>]* lang=\"es\"")
			.contains("<title>Elige tu contraseña · Ground Game</title>")
			.contains("<h1>Elige tu contraseña</h1>")
			.contains("Al menos 12 caracteres.");
		HttpResponse<String> shortOne = browser.post("/account/invitation", page,
				Map.of("token", Accounts.token(link), "password", "Short-1", "confirmation", "Short-1"));
		assertThat(shortOne.statusCode()).isEqualTo(400);
		assertThat(shortOne.body()).contains("Tu contraseña debe tener al menos 12 caracteres.")
			.contains("<h1>Elige tu contraseña</h1>");
		HttpResponse<String> mismatch = browser.post("/account/invitation", shortOne, Map.of("token",
				Accounts.token(link), "password", Accounts.GOOD_PASSWORD, "confirmation", "something else entirely"));
		assertThat(mismatch.body()).contains("Las dos contraseñas no son iguales.");

		HttpResponse<String> set = browser.post("/account/invitation", mismatch, Map.of("token", Accounts.token(link),
				"password", Accounts.GOOD_PASSWORD, "confirmation", Accounts.GOOD_PASSWORD));
		HttpResponse<String> signIn = browser.get(browser.location(set));
		assertThat(signIn.body()).contains("Tu contraseña quedó guardada. Inicia sesión con ella ahora.");
	}

	private static HttpResponse<String> signInPage(Browser browser) {
		HttpResponse<String> toLogin = browser.authorize();
		HttpResponse<String> page = browser.get(browser.location(toLogin));
		assertThat(page.statusCode()).isEqualTo(200);
		return page;
	}

}
