package org.groundgame.identity.account;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.groundgame.identity.Accounts;
import org.groundgame.identity.Browser;
import org.groundgame.identity.IdentityHttp;
import org.groundgame.identity.IdentityServiceIntegrationTest;
import org.groundgame.identity.person.Totp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * STAFF sign in with a one-time code after their password (RFC 6238, an authenticator
 * enrolled after they set their password); without it, no authorization code.
 */
@IdentityServiceIntegrationTest
class SecondFactorIntegrationTests {

	private final IdentityHttp http;

	private final Accounts accounts;

	@Autowired
	SecondFactorIntegrationTests(@LocalServerPort int port) {
		this.http = new IdentityHttp(port);
		this.accounts = new Accounts(this.http);
	}

	@Test
	void anInvitedStaffMemberEnrolsAnAuthenticatorAtTheirFirstSignIn() {
		String email = Accounts.newEmail("staff");
		this.accounts.active(email, "STAFF", null);
		Browser browser = new Browser(this.http);

		HttpResponse<String> password = browser.signIn(email, Accounts.GOOD_PASSWORD);
		assertThat(browser.location(password)).endsWith("/account/enrol");
		HttpResponse<String> page = browser.get("/account/enrol");
		assertThat(page.body()).contains("otpauth://totp/Ground%20Game:" + email.replace("@", "%40"))
			.contains("<label for=\"f-code\">");
		String secret = page.body().replaceAll("(?s).*secret=([A-Z2-7]+)&amp;.*", "$1");
		HttpResponse<String> wrong = browser.post("/account/enrol", page, Map.of("code", wrongCode(secret)));
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(wrong.body()).contains("That code did not work");
		HttpResponse<String> enrolled = browser.post("/account/enrol", wrong,
				Map.of("code", Totp.code(secret, Instant.now())));

		String token = browser.accessToken(browser.code(enrolled));
		Jwt jwt = this.http.decoderFromJwks().decode(token);
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("STAFF");
		HttpResponse<String> person = this.http.get("/api/people/" + jwt.getSubject(), token);
		assertThat(IdentityHttp.json(person).get("secondFactor").asBoolean()).isTrue();
	}

	@Test
	void withoutTheCodeAStaffMemberGetsNoAuthorizationCode() {
		String email = Accounts.newEmail("staff");
		this.accounts.active(email, "STAFF", null);
		this.accounts.enrol(new Browser(this.http), email);
		Browser browser = new Browser(this.http);

		HttpResponse<String> password = browser.signIn(email, Accounts.GOOD_PASSWORD);
		assertThat(browser.location(password)).endsWith("/account/code");

		// Straight to the authorization endpoint, skipping the code: sent back to it.
		HttpResponse<String> skipping = browser.authorize();
		assertThat(skipping.statusCode()).isEqualTo(302);
		assertThat(browser.location(skipping)).endsWith("/account/code").doesNotContain("code=");
		// Nor does the password step alone open any other page.
		assertThat(browser.get("/account/enrol").headers().firstValue("Location").orElse("")).doesNotContain("oauth2");
	}

	@Test
	void wrongAndReplayedCodesAreRefused() {
		String email = Accounts.newEmail("staff");
		this.accounts.active(email, "STAFF", null);
		Accounts.Enrolment enrolment = this.accounts.enrol(new Browser(this.http), email);
		String secret = enrolment.secret();
		// The enrolment used its step's code: the next step's is still unused.
		String next = enrolment.nextCode();

		Browser first = new Browser(this.http);
		HttpResponse<String> page = first.get(first.location(first.signIn(email, Accounts.GOOD_PASSWORD)));
		HttpResponse<String> wrong = first.post("/account/code", page, Map.of("code", wrongCode(secret)));
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(wrong.body()).contains("That code did not work");
		HttpResponse<String> used = first.post("/account/code", wrong, Map.of("code", enrolment.usedCode()));
		assertThat(used.statusCode()).as("the enrolment's code again").isEqualTo(400);
		first.code(first.post("/account/code", used, Map.of("code", next)));

		Browser second = new Browser(this.http);
		HttpResponse<String> again = second.get(second.location(second.signIn(email, Accounts.GOOD_PASSWORD)));
		HttpResponse<String> replayed = second.post("/account/code", again, Map.of("code", next));
		assertThat(replayed.statusCode()).isEqualTo(400);
		assertThat(replayed.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void oneCodeSentFromTwoSessionsAtOnceSignsInOne() throws Exception {
		String email = Accounts.newEmail("staff");
		this.accounts.active(email, "STAFF", null);
		String next = this.accounts.enrol(new Browser(this.http), email).nextCode();
		// Within the throttle's allowance of attempts for one username.
		int n = 5;
		List<Browser> browsers = new ArrayList<>();
		List<HttpResponse<String>> pages = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Browser browser = new Browser(this.http, "10.3.0." + i);
			browsers.add(browser);
			pages.add(browser.get(browser.location(browser.signIn(email, Accounts.GOOD_PASSWORD))));
		}
		ExecutorService pool = Executors.newFixedThreadPool(n);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < n; i++) {
				Browser browser = browsers.get(i);
				HttpResponse<String> page = pages.get(i);
				answers.add(pool.submit(() -> {
					start.await();
					return browser.post("/account/code", page, Map.of("code", next)).statusCode();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get());
			}

			assertThat(statuses).filteredOn((status) -> status == 302).hasSize(1);
			assertThat(statuses).filteredOn((status) -> status == 400).hasSize(n - 1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aCodeIsNoUseWithoutThePassword() {
		Browser browser = new Browser(this.http);
		HttpResponse<String> toLogin = browser.authorize();
		HttpResponse<String> form = browser.get(browser.location(toLogin));

		HttpResponse<String> code = browser.post("/account/code", form, Map.of("code",
				Totp.code(org.groundgame.identity.IdentityServiceIntegrationTest.DIRECTOR_TOTP_SECRET, Instant.now())));

		assertThat(code.statusCode()).isEqualTo(302);
		assertThat(browser.location(code)).endsWith("/login");
	}

	/** Six digits that are none of the codes the secret accepts around now. */
	private static String wrongCode(String secret) {
		Instant now = Instant.now();
		Set<String> valid = Set.of(Totp.code(secret, now.minusSeconds(60)), Totp.code(secret, now.minusSeconds(30)),
				Totp.code(secret, now), Totp.code(secret, now.plusSeconds(30)), Totp.code(secret, now.plusSeconds(60)));
		for (int candidate = 0;; candidate++) {
			String code = String.format("%06d", candidate);
			if (!valid.contains(code)) {
				return code;
			}
		}
	}

}
