package org.groundgame.web.site;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.groundgame.test.InfrastructureTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site's own behaviour, with every service down (their addresses answer nothing: a
 * real outage, not a stand-in): pages name what is down, errors are pages in the reader's
 * language, every answer carries the headers that keep a page to the platform, forms need
 * their CSRF token, and a private link's page asks nothing of a service until it has a
 * key of the right form. What the pages show of the services' data is tested in a real
 * browser against the whole platform (end-to-end-tests).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "groundgame.web.console.client-secret=" + SitePagesTests.CONSOLE_SECRET)
@Import(InfrastructureTestConfiguration.class)
class SitePagesTests {

	/** The console's client secret in these tests: not a secret, it opens nothing. */
	static final String CONSOLE_SECRET = "console-secret-of-the-tests";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	private int port;

	private HttpClient browser;

	@DynamicPropertySource
	static void servicesThatAreDown(DynamicPropertyRegistry registry) throws IOException {
		String nothing = "http://127.0.0.1:" + freePort();
		registry.add("groundgame.web.services.endorsement", () -> nothing);
		registry.add("groundgame.web.services.volunteer", () -> nothing);
		registry.add("groundgame.web.services.campaign-training", () -> nothing);
		registry.add("groundgame.web.services.notification", () -> nothing);
	}

	@BeforeEach
	void newVisitor() {
		this.browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	}

	@Test
	void aPageWhoseServiceIsDownIsA503PageNamingWhatIsDown() throws Exception {
		HttpResponse<String> page = get("/candidates", "en");

		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(page.body()).contains("<html lang=\"en\">")
			.contains("Endorsements and candidates are not answering right now.")
			.contains("Nothing you already sent was lost.");
	}

	@Test
	void theSamePageInSpanishForASpanishBrowser() throws Exception {
		HttpResponse<String> page = get("/candidates", "es-MX,es;q=0.9");

		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.body()).contains("<html lang=\"es\">").contains("Los respaldos y candidatos: no responden");
	}

	@Test
	void theLanguageSwitchIsRememberedAndOnlyForTheSitesLanguages() throws Exception {
		get("/volunteers/v-1?lang=es", "en");
		assertThat(get("/volunteers/v-1", "en").body()).contains("<html lang=\"es\">").contains("Mis turnos");

		get("/volunteers/v-1?lang=fr", "en");
		assertThat(get("/volunteers/v-1", "en").body()).contains("<html lang=\"es\">");
	}

	@Test
	void anUnknownPageIsTheFriendly404Page() throws Exception {
		HttpResponse<String> page = get("/nowhere/at/all", "en");

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("find that page").contains("href=\"/\"");
	}

	@Test
	void everyPageKeepsItselfToThePlatform() throws Exception {
		HttpResponse<String> page = get("/volunteers/v-1", "en");

		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(policy) -> assertThat(policy)
					.contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
							"form-action 'self'")
					.doesNotContain("unsafe-inline", "unsafe-eval", "http:", "*"));
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		// Everything the page loads is the site's own.
		assertThat(page.body()).doesNotContainPattern("(src|href)=\"(https?:)?//");
	}

	@Test
	void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
		HttpResponse<String> answer = post("/volunteers/v-1/key", "token=0123456789abcdef0123");

		assertThat(answer.statusCode()).isEqualTo(403);
	}

	@Test
	void aPrivateLinksPageAsksForTheKeyAndAKeyOfTheWrongFormNeverReachesAService() throws Exception {
		HttpResponse<String> page = get("/volunteers/v-1", "en");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("action=\"/volunteers/v-1/key\"").contains("data-private-link");

		// With the service down, a call would have been a 503: the 404 says none was
		// made.
		HttpResponse<String> answer = post("/volunteers/v-1/key",
				"token=not%20a%20key&_csrf=" + csrfToken(page.body()));

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.body()).contains("This link no longer works");
		assertThat(answer.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.startsWith("gg_key="));
	}

	@Test
	void anIdOfTheWrongFormIsNotFoundWithoutAskingAService() throws Exception {
		assertThat(get("/volunteers/a..b", "en").statusCode()).isEqualTo(404);
		assertThat(get("/training/enrollments/" + "x".repeat(65), "en").statusCode()).isEqualTo(404);
	}

	@Test
	void theSitesOwnFilesAreServedAndKeptByBrowsers() throws Exception {
		for (String file : new String[] { "/css/site.css", "/js/site.js", "/webjars/htmx.org/dist/htmx.min.js" }) {
			HttpResponse<String> answer = get(file, "en");

			assertThat(answer.statusCode()).as(file).isEqualTo(200);
			assertThat(answer.headers().firstValue("Cache-Control")).as(file)
				.hasValueSatisfying((cache) -> assertThat(cache).contains("max-age=86400").contains("public"));
		}
	}

	private HttpResponse<String> get(String path, String language) throws Exception {
		return this.browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", "text/html")
			.header("Accept-Language", language)
			.build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String form) throws Exception {
		return this.browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form))
			.build(), BodyHandlers.ofString());
	}

	private static String csrfToken(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("the form's CSRF token").isTrue();
		return matcher.group(1);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
