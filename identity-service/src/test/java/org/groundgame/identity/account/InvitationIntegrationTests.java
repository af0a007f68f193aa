package org.groundgame.identity.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.groundgame.identity.Accounts;
import org.groundgame.identity.Browser;
import org.groundgame.identity.IdentityHttp;
import org.groundgame.identity.IdentityServiceIntegrationTest;
import org.groundgame.identity.MailTestConfiguration;
import org.groundgame.identity.SettableClock;
import org.groundgame.identity.chapter.RegisteredChapters;
import org.groundgame.identity.ChapterRegistrations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff invite a person; the person follows the e-mailed link, sets a password and signs
 * in. Over real HTTP, the e-mail received by a real SMTP server.
 */
@IdentityServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class InvitationIntegrationTests {

	private final IdentityHttp http;

	private final Accounts accounts;

	private final SettableClock clock;

	private final RegisteredChapters chapters;

	@Autowired
	InvitationIntegrationTests(@LocalServerPort int port, SettableClock clock, RegisteredChapters chapters) {
		this.http = new IdentityHttp(port);
		this.accounts = new Accounts(this.http);
		this.clock = clock;
		this.chapters = chapters;
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void anInvitedOrganizerSetsTheirPasswordThroughTheEmailedLinkAndSignsIn(CapturedOutput output) {
		ChapterRegistrations.register("chapter-invited", this.chapters);
		String email = Accounts.newEmail("Organizer").toUpperCase();
		this.accounts.invited(email, "CHAPTER", "chapter-invited");

		// The username is the address, lower-cased.
		String username = email.toLowerCase();
		String link = MailTestConfiguration.awaitLink(username, 1);
		assertThat(MailTestConfiguration.subject(username, 1)).isEqualTo("Your invitation to Ground Game");
		assertThat(link).startsWith("http://localhost:8080/account/invitation?token=");
		Browser browser = new Browser(this.http);
		HttpResponse<String> page = browser.get(link);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(username)
			.contains("Avery Lindqvist")
			.contains("<title>Choose your password · Ground Game</title>")
			.contains("<h1>Choose your password</h1>");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'")
			.doesNotContain("unsafe-inline");
		assertThat(page.body()).contains("href=\"/css/site.css\"").doesNotContain("<script").doesNotContain("style=");

		HttpResponse<String> set = browser.post("/account/invitation", page, Map.of("token", Accounts.token(link),
				"password", Accounts.GOOD_PASSWORD, "confirmation", Accounts.GOOD_PASSWORD));
		assertThat(set.statusCode()).isEqualTo(302);
		assertThat(browser.location(set)).endsWith("/login?password-set");

		Browser signingIn = new Browser(this.http);
		String token = signingIn.accessToken(signingIn.code(signingIn.signIn(username, Accounts.GOOD_PASSWORD)));
		Jwt jwt = this.http.decoderFromJwks().decode(token);
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CHAPTER");
		assertThat(jwt.getClaimAsString("chapter_id")).isEqualTo("chapter-invited");
		// The address is personal data: in no log line.
		// (The test's own SMTP server, in this JVM, may name its recipients.)
		String serviceLog = output.getAll()
			.lines()
			.filter((line) -> !line.toLowerCase().contains("greenmail"))
			.reduce("", (all, line) -> all + line + "\n");
		assertThat(serviceLog).doesNotContainIgnoringCase(username).doesNotContain(Accounts.token(link));
	}

	@Test
	void anInvitationLinkWorksOnce() {
		String email = Accounts.newEmail("trainer");
		this.accounts.active(email, "TRAINING_STAFF", null);
		String link = MailTestConfiguration.awaitLink(email, 1);
		Browser browser = new Browser(this.http);

		HttpResponse<String> again = browser.get(link);
		assertThat(again.statusCode()).isEqualTo(404);
		assertThat(again.body()).contains("This link no longer works");
		HttpResponse<String> login = browser.get("/login");
		HttpResponse<String> reused = browser.post("/account/invitation", login, Map.of("token", Accounts.token(link),
				"password", "another good passphrase", "confirmation", "another good passphrase"));
		assertThat(reused.statusCode()).isEqualTo(404);
		// The password set first still works; the second never was.
		Browser signingIn = new Browser(this.http);
		assertThat(signingIn.location(signingIn.signIn(email, "another good passphrase"))).endsWith("/login?error");
		Browser withFirstPassword = new Browser(this.http);
		withFirstPassword.code(withFirstPassword.signIn(email, Accounts.GOOD_PASSWORD));
	}

	@Test
	void oneLinkUsedManyTimesAtOnceSetsOnePassword() throws Exception {
		String email = Accounts.newEmail("racer");
		this.accounts.invited(email, "TRAINING_STAFF", null);
		String link = MailTestConfiguration.awaitLink(email, 1);
		// At most the throttle's allowance of wrong passwords follows.
		int n = 4;
		List<Browser> browsers = new ArrayList<>();
		List<HttpResponse<String>> pages = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Browser browser = new Browser(this.http);
			browsers.add(browser);
			pages.add(browser.get(link));
		}
		ExecutorService pool = Executors.newFixedThreadPool(n);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < n; i++) {
				Browser browser = browsers.get(i);
				HttpResponse<String> page = pages.get(i);
				String password = "passphrase number " + i + " of many";
				answers.add(pool.submit(() -> {
					start.await();
					return browser.post("/account/invitation", page,
							Map.of("token", Accounts.token(link), "password", password, "confirmation", password));
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<HttpResponse<String>> answer : answers) {
				statuses.add(answer.get().statusCode());
			}

			assertThat(statuses).filteredOn((status) -> status == 302).hasSize(1);
			assertThat(statuses).filteredOn((status) -> status == 404).hasSize(n - 1);
		}
		finally {
			pool.shutdownNow();
		}
		int signedIn = 0;
		for (int i = 0; i < n; i++) {
			Browser browser = new Browser(this.http);
			if (browser.location(browser.signIn(email, "passphrase number " + i + " of many"))
				.contains("/oauth2/authorize")) {
				signedIn++;
			}
		}
		assertThat(signedIn).isEqualTo(1);
	}

	@Test
	void anExpiredInvitationLinkIsRefused() {
		String email = Accounts.newEmail("late");
		this.accounts.invited(email, "TRAINING_STAFF", null);
		String link = MailTestConfiguration.awaitLink(email, 1);
		Browser browser = new Browser(this.http);
		HttpResponse<String> page = browser.get(link);
		assertThat(page.statusCode()).isEqualTo(200);

		this.clock.advance(Duration.ofHours(72).plusMinutes(1));

		assertThat(browser.get(link).statusCode()).isEqualTo(404);
		HttpResponse<String> set = browser.post("/account/invitation", page, Map.of("token", Accounts.token(link),
				"password", Accounts.GOOD_PASSWORD, "confirmation", Accounts.GOOD_PASSWORD));
		assertThat(set.statusCode()).isEqualTo(404);
		assertThat(new Browser(this.http).location(new Browser(this.http).signIn(email, Accounts.GOOD_PASSWORD)))
			.endsWith("/login?error");
	}

	@Test
	void aCommonOrShortPasswordIsRefusedWithTheReasonOnTheForm() {
		String email = Accounts.newEmail("weak");
		this.accounts.invited(email, "TRAINING_STAFF", null);
		String link = MailTestConfiguration.awaitLink(email, 1);
		Browser browser = new Browser(this.http);
		HttpResponse<String> page = browser.get(link);

		// Among the most common passwords of real leaks, and 12 characters long.
		HttpResponse<String> common = browser.post("/account/invitation", page,
				Map.of("token", Accounts.token(link), "password", "1qaz2wsx3edc", "confirmation", "1qaz2wsx3edc"));
		assertThat(common.statusCode()).isEqualTo(400);
		assertThat(common.body()).contains("one of the most common passwords").contains("aria-invalid=\"true\"");

		HttpResponse<String> shortOne = browser.post("/account/invitation", common,
				Map.of("token", Accounts.token(link), "password", "Short-1", "confirmation", "Short-1"));
		assertThat(shortOne.statusCode()).isEqualTo(400);
		assertThat(shortOne.body()).contains("at least 12 characters");

		HttpResponse<String> mismatch = browser.post("/account/invitation", shortOne, Map.of("token",
				Accounts.token(link), "password", Accounts.GOOD_PASSWORD, "confirmation", "something else entirely"));
		assertThat(mismatch.statusCode()).isEqualTo(400);
		assertThat(mismatch.body()).contains("The two passwords are not the same");

		// The link still works after refusals.
		HttpResponse<String> set = browser.post("/account/invitation", mismatch, Map.of("token", Accounts.token(link),
				"password", Accounts.GOOD_PASSWORD, "confirmation", Accounts.GOOD_PASSWORD));
		assertThat(set.statusCode()).isEqualTo(302);
	}

	@Test
	void aFormPostedWithoutItsCsrfTokenIsRefused() {
		String email = Accounts.newEmail("csrf");
		this.accounts.invited(email, "TRAINING_STAFF", null);
		String link = MailTestConfiguration.awaitLink(email, 1);
		Browser browser = new Browser(this.http);
		browser.get(link);

		HttpResponse<String> forged = browser.postWithoutCsrf("/account/invitation", Map.of("token",
				Accounts.token(link), "password", Accounts.GOOD_PASSWORD, "confirmation", Accounts.GOOD_PASSWORD));

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(browser.get(link).statusCode()).isEqualTo(200);
	}

}
