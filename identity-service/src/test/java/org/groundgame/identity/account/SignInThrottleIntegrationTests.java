package org.groundgame.identity.account;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.groundgame.identity.Accounts;
import org.groundgame.identity.Browser;
import org.groundgame.identity.IdentityHttp;
import org.groundgame.identity.IdentityServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in attempts are throttled per username (5 failures here) and per address (30):
 * past the allowance every attempt is refused unchecked, the right password too, and
 * concurrent attempts cannot overrun it.
 */
@IdentityServiceIntegrationTest
class SignInThrottleIntegrationTests {

	private final IdentityHttp http;

	private final Accounts accounts;

	@Autowired
	SignInThrottleIntegrationTests(@LocalServerPort int port) {
		this.http = new IdentityHttp(port);
		this.accounts = new Accounts(this.http);
	}

	@Test
	void concurrentWrongPasswordsForOneUsernameAreCheckedOnlyUpToTheAllowance() throws Exception {
		String email = Accounts.newEmail("target");
		this.accounts.active(email, "TRAINING_STAFF", null);

		List<String> outcomes = concurrently(20, (i) -> new Browser(this.http, "10.1.0." + i), email, "wrong password");

		// Exactly the allowance was checked (and failed); every other attempt was refused
		// unchecked.
		assertThat(outcomes).filteredOn((outcome) -> outcome.endsWith("/login?error")).hasSize(5);
		assertThat(outcomes).filteredOn((outcome) -> outcome.endsWith("/login?throttled")).hasSize(15);
		Browser rightPassword = new Browser(this.http, "10.1.1.1");
		assertThat(rightPassword.location(rightPassword.signIn(email, Accounts.GOOD_PASSWORD)))
			.endsWith("/login?throttled");
		// Another person is not held up.
		String other = Accounts.newEmail("bystander");
		this.accounts.active(other, "TRAINING_STAFF", null);
		Browser bystander = new Browser(this.http, "10.1.1.2");
		bystander.code(bystander.signIn(other, Accounts.GOOD_PASSWORD));
	}

	@Test
	void oneAddressTryingManyUsernamesIsThrottled() throws Exception {
		String email = Accounts.newEmail("sharer");
		this.accounts.active(email, "TRAINING_STAFF", null);

		List<String> outcomes = concurrently(40, (i) -> new Browser(this.http, "10.2.0.1"), null, "wrong password");

		assertThat(outcomes).filteredOn((outcome) -> outcome.endsWith("/login?error")).hasSize(30);
		assertThat(outcomes).filteredOn((outcome) -> outcome.endsWith("/login?throttled")).hasSize(10);
		Browser sameAddress = new Browser(this.http, "10.2.0.1");
		assertThat(sameAddress.location(sameAddress.signIn(email, Accounts.GOOD_PASSWORD)))
			.endsWith("/login?throttled");
		Browser elsewhere = new Browser(this.http, "10.2.0.2");
		elsewhere.code(elsewhere.signIn(email, Accounts.GOOD_PASSWORD));
	}

	/**
	 * Signs in {@code n} times at once, each browser with this password, for the username
	 * or (when {@code null}) a username of its own; answers where each was sent.
	 */
	private List<String> concurrently(int n, java.util.function.IntFunction<Browser> browsers, String username,
			String password) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				Browser browser = browsers.apply(i);
				HttpResponse<String> toLogin = browser.authorize();
				HttpResponse<String> form = browser.get(browser.location(toLogin));
				String who = (username != null) ? username : Accounts.newEmail("guess" + i);
				Callable<String> attempt = () -> {
					start.await();
					return browser.location(
							browser.post("/login", form, java.util.Map.of("username", who, "password", password)));
				};
				results.add(pool.submit(attempt));
			}
			start.countDown();
			List<String> outcomes = new ArrayList<>();
			for (Future<String> result : results) {
				outcomes.add(result.get());
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
