package org.groundgame.identity.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.groundgame.identity.Accounts;
import org.groundgame.identity.Browser;
import org.groundgame.identity.IdentityHttp;
import org.groundgame.identity.IdentityServiceIntegrationTest;
import org.groundgame.identity.MailTestConfiguration;
import org.groundgame.identity.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A person who forgot their password resets it through an e-mailed link. */
@IdentityServiceIntegrationTest
class PasswordResetIntegrationTests {

	private static final String NEW_PASSWORD = "a brand new passphrase";

	private final IdentityHttp http;

	private final Accounts accounts;

	private final SettableClock clock;

	@Autowired
	PasswordResetIntegrationTests(@LocalServerPort int port, SettableClock clock) {
		this.http = new IdentityHttp(port);
		this.accounts = new Accounts(this.http);
		this.clock = clock;
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aPersonResetsTheirPasswordThroughTheLinkOnce() {
		String email = Accounts.newEmail("forgetful");
		this.accounts.active(email, "TRAINING_STAFF", null);
		Browser browser = new Browser(this.http);

		HttpResponse<String> sent = ask(browser, email.toUpperCase());

		assertThat(sent.statusCode()).isEqualTo(200);
		assertThat(sent.body()).contains("If an account uses that address");
		String link = MailTestConfiguration.awaitLink(email, 2);
		assertThat(link).startsWith("http://localhost:8080/account/password-reset/new?token=");
		HttpResponse<String> page = browser.get(link);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		HttpResponse<String> reset = browser.post("/account/password-reset/new", page,
				Map.of("token", Accounts.token(link), "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
		assertThat(reset.statusCode()).isEqualTo(302);
		assertThat(browser.location(reset)).endsWith("/login?password-set");

		// Single use.
		assertThat(browser.get(link).statusCode()).isEqualTo(404);
		HttpResponse<String> again = browser.post("/account/password-reset/new", page, Map.of("token",
				Accounts.token(link), "password", "yet another passphrase", "confirmation", "yet another passphrase"));
		assertThat(again.statusCode()).isEqualTo(404);
		// The new password signs in; the old one no longer does.
		Browser oldPassword = new Browser(this.http);
		assertThat(oldPassword.location(oldPassword.signIn(email, Accounts.GOOD_PASSWORD))).endsWith("/login?error");
		Browser newPassword = new Browser(this.http);
		newPassword.code(newPassword.signIn(email, NEW_PASSWORD));
	}

	@Test
	void anUnknownAddressGetsTheSameAnswerAndNoEmail() {
		String known = Accounts.newEmail("known");
		this.accounts.active(known, "TRAINING_STAFF", null);
		String unknown = Accounts.newEmail("nobody");

		HttpResponse<String> forUnknown = ask(new Browser(this.http), unknown);
		HttpResponse<String> forKnown = ask(new Browser(this.http), known);

		assertThat(forUnknown.statusCode()).isEqualTo(forKnown.statusCode()).isEqualTo(200);
		assertThat(withoutCsrf(forUnknown.body())).isEqualTo(withoutCsrf(forKnown.body()));
		MailTestConfiguration.awaitLink(known, 2);
		assertThat(MailTestConfiguration.receivedBy(unknown)).isEmpty();
	}

	@Test
	void anInvitedPersonWhoSetNoPasswordYetGetsNoResetLink() {
		String email = Accounts.newEmail("invitee");
		this.accounts.invited(email, "TRAINING_STAFF", null);
		MailTestConfiguration.awaitLink(email, 1);
		String known = Accounts.newEmail("known");
		this.accounts.active(known, "TRAINING_STAFF", null);

		ask(new Browser(this.http), email);
		ask(new Browser(this.http), known);

		// The reset e-mails leave in order: once the second has arrived, the first would
		// have.
		MailTestConfiguration.awaitLink(known, 2);
		assertThat(MailTestConfiguration.receivedBy(email)).hasSize(1);
	}

	@Test
	void aResetLinkExpires() {
		String email = Accounts.newEmail("slow");
		this.accounts.active(email, "TRAINING_STAFF", null);
		ask(new Browser(this.http), email);
		String link = MailTestConfiguration.awaitLink(email, 2);

		this.clock.advance(Duration.ofMinutes(61));

		Browser browser = new Browser(this.http);
		assertThat(browser.get(link).statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> ask(Browser browser, String email) {
		HttpResponse<String> form = browser.get("/account/password-reset");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("<label for=\"f-email\">");
		return browser.post("/account/password-reset", form, Map.of("email", email));
	}

	private static String withoutCsrf(String page) {
		return page.replaceAll("value=\"[^\"]*\"", "");
	}

}
