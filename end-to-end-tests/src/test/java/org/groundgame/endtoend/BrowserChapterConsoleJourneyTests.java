package org.groundgame.endtoend;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.standardwebhooks.Webhook;
import org.groundgame.platform.LocalPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * A chapter organizer's console in a real browser: the inbox shows what staff just
 * decided without being reloaded (and the header's unread count goes up with it), the
 * members are filtered and exported as a CSV file, the chapter's webhook is set up with
 * its secret shown once and a test event reaches the chapter's receiver, signed with that
 * secret; and an organizer of one chapter reaches nothing of another's, by link or by a
 * form they post themselves. Every console page visited is checked for accessibility and
 * saved as a screenshot.
 */
@ExtendWith({ RunningPlatform.class, RealBrowser.class })
class BrowserChapterConsoleJourneyTests {

	/** A state no other test's endorsements reach. */
	private static final String STATE = "SD";

	private static final Duration EVENTUALLY = Duration.ofSeconds(30);

	private static final By MAIN = By.tagName("main");

	private static final By UNREAD = By.id("unread-count");

	private static final By ENTRIES = By.id("inbox-entries");

	private static final Pattern COUNT = Pattern.compile("(\\d+) unread");

	private final Gateway gateway;

	private final Browser browser;

	private final ConsoleSignIn signIn;

	private final Organizers organizers;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	BrowserChapterConsoleJourneyTests(LocalPlatform platform, Gateway gateway, Browser browser) {
		this.gateway = gateway;
		this.browser = browser;
		this.signIn = new ConsoleSignIn(platform, gateway, browser);
		this.organizers = new Organizers(gateway);
	}

	@Test
	void staffEndorseANominationAndTheChapterOrganizersInboxShowsItLiveWithoutReloading() {
		String chapterId = this.organizers.registerChapter(STATE, "Sioux Falls");
		String nominationId = this.organizers.nominate(chapterId, STATE, "South Dakota House of Representatives");
		// The acknowledgement of the nomination is in the inbox before the organizer
		// looks.
		await().atMost(EVENTUALLY).until(() -> !this.organizers.inboxEntriesAbout(chapterId, nominationId).isEmpty());

		this.signIn.asOrganizerOf(chapterId, "/console/inbox");
		assertThat(this.browser.heading()).isEqualTo("Inbox");
		assertThat(this.browser.text(ENTRIES)).contains("Nomination received");
		await().atMost(EVENTUALLY).until(() -> unread() > 0);
		int before = unread();
		this.browser.checkAccessibility();
		this.browser.screenshot("chapter-inbox", "1-before");
		this.browser.markPage();

		this.organizers.endorse(nominationId);

		// The entry comes over the stream, at the top, and the header counts it.
		this.browser.awaitText(ENTRIES, "Endorsed:");
		await().atMost(EVENTUALLY).until(() -> unread() > before);
		assertThat(this.browser.isSamePage()).isTrue();
		assertThat(this.browser.text(ENTRIES).indexOf("Endorsed:"))
			.isLessThan(this.browser.text(ENTRIES).indexOf("Nomination received"));
		this.browser.checkAccessibility();
		this.browser.screenshot("chapter-inbox", "2-endorsed-live");

		// Reading it brings the count down, in place.
		int withIt = unread();
		this.browser.pressInPlace("Mark read");
		await().atMost(EVENTUALLY).until(() -> unread() < withIt);
		assertThat(this.browser.isSamePage()).isTrue();
		this.browser.checkAccessibility();
		this.browser.screenshot("chapter-inbox", "3-read");

		// On a phone, as an organizer reads it on the street.
		this.browser.resize(Browser.Width.PHONE);
		this.browser.open("/console/inbox");
		assertThat(this.browser.text(ENTRIES)).contains("Endorsed:");
		this.browser.checkAccessibility();
		this.browser.screenshot("chapter-inbox", "4-on-a-phone");
	}

	@Test
	void anOrganizerOfChapterACannotReachChapterBsPagesByLinkOrByForm() throws Exception {
		String chapterA = this.organizers.registerChapter(STATE, "Rapid City");
		String chapterB = this.organizers.registerChapter(STATE, "Aberdeen");
		String memberOfA = signUp(chapterA, "Avery Ours", "CANVASSING", true);
		String memberOfB = signUp(chapterB, "Blake Theirs", "CANVASSING", true);

		this.signIn.asOrganizerOf(chapterA, "/console");

		// By link: every page of chapter B, and B's member's own.
		for (String path : List.of("/console/members?chapter=" + chapterB, "/console/members/" + memberOfB,
				"/console/members/" + memberOfB + "/erase", "/console/inbox?chapter=" + chapterB,
				"/console/notifications?chapter=" + chapterB, "/console/notifications/deliveries?chapter=" + chapterB,
				"/console/leaderboards?chapter=" + chapterB)) {
			this.browser.open(path);
			assertThat(this.browser.heading()).as(path).isEqualTo("Not yours to see");
			assertThat(this.browser.text(MAIN)).as(path).doesNotContain("Blake Theirs");
			this.browser.checkAccessibility();
		}
		this.browser.screenshot("chapter-attack", "1-another-chapters-members");
		HttpResponse<String> export = fetch("/console/members.csv?chapter=" + chapterB);
		assertThat(export.statusCode()).isEqualTo(403);
		assertThat(export.body()).doesNotContain("Blake Theirs");

		// By form: their own member's page gives them a session and its CSRF token; the
		// forms they forge with it for B's member and B's webhook are refused too.
		this.browser.open("/console/members/" + memberOfA);
		assertThat(this.browser.heading()).isEqualTo("Avery Ours");
		this.browser.checkAccessibility();
		this.browser.screenshot("chapter-attack", "2-own-member");
		String csrf = this.browser.attribute(By.cssSelector("input[name=_csrf]"), "value");
		HttpResponse<String> erase = post("/console/members/" + memberOfB + "/erase",
				"chapter=" + chapterB + "&_csrf=" + csrf);
		HttpResponse<String> move = post("/console/members/" + memberOfB + "/chapter",
				"chapterId=" + chapterA + "&_csrf=" + csrf);
		HttpResponse<String> webhook = post("/console/notifications", "chapter=" + chapterB
				+ "&topics=VOLUNTEERS&inbox=true&webhookUrl=http%3A%2F%2F127.0.0.1%3A9%2Fsteal&_csrf=" + csrf);
		assertThat(List.of(erase, move, webhook)).allSatisfy((refused) -> {
			assertThat(refused.statusCode()).isEqualTo(403);
			assertThat(refused.body()).contains("Not yours to see");
		});
		// Nothing of B changed: its member is there, in B, and B has no webhook.
		JsonNode theirs = this.gateway.asStaff().get("/api/volunteers/" + memberOfB).json(200);
		assertThat(theirs.path("name").asString()).isEqualTo("Blake Theirs");
		assertThat(theirs.path("chapterId").asString()).isEqualTo(chapterB);
		JsonNode subscription = this.gateway.asStaff().get("/api/notifications/subscriptions/" + chapterB).json(200);
		assertThat(subscription.path("webhook").isMissingNode() || subscription.path("webhook").isNull()).isTrue();
	}

	@Test
	void anOrganizerFiltersTheMembersByInterestAndConsentAndExportsThemAsACsvFileThatASpreadsheetOpensSafely()
			throws Exception {
		String chapterId = this.organizers.registerChapter(STATE, "Brookings");
		signUp(chapterId, "=HYPERLINK(\"http://evil.example\",\"Casey\")", "CANVASSING", true);
		signUp(chapterId, "Phoebe Phonebanker", "PHONE_BANKING", false);

		this.signIn.asOrganizerOf(chapterId, "/console/members");
		assertThat(this.browser.heading()).isEqualTo("Members");
		assertThat(this.browser.text(MAIN)).contains("Phoebe Phonebanker").contains("=HYPERLINK(");
		this.browser.checkAccessibility();
		this.browser.screenshot("chapter-members", "1-all");

		this.browser.choose("Interested in", "Canvassing");
		this.browser.awaitNoText(By.id("results"), "Phoebe Phonebanker");
		assertThat(this.browser.text(By.id("results"))).contains("=HYPERLINK(");
		assertThat(this.browser.address().getQuery()).contains("interest=CANVASSING");
		this.browser.checkAccessibility();
		this.browser.screenshot("chapter-members", "2-canvassers");
		this.browser.resize(Browser.Width.PHONE);
		this.browser.checkAccessibility();
		this.browser.screenshot("chapter-members", "2-canvassers");
		this.browser.resize(Browser.Width.DESKTOP);

		HttpResponse<String> csv = fetch(
				this.browser.attribute(By.xpath("//a[normalize-space(.)='Download these members (CSV)']"), "href"));
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(csv.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).startsWith("attachment;").contains(".csv"));
		assertThat(csv.body().lines().toList()).hasSize(2);
		assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Casey\"\")\"")
			.doesNotContain("Phoebe");

		HttpResponse<String> hours = fetch(this.browser
			.attribute(By.xpath("//a[normalize-space(.)='Download the chapter’s hours (CSV)']"), "href"));
		assertThat(hours.statusCode()).isEqualTo(200);
		assertThat(hours.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).startsWith("attachment;"));
		assertThat(hours.body()).startsWith("\uFEFFRank,Name,Hours");

		// Those who said no to e-mail, then those who said yes.
		this.browser.choose("Interested in", "Any");
		this.browser.choose("E-mail", "Said no");
		this.browser.awaitNoText(By.id("results"), "=HYPERLINK(");
		assertThat(this.browser.text(By.id("results"))).contains("Phoebe Phonebanker");
		assertThat(this.browser.address().getQuery()).contains("emailConsent=OPT_OUT");
		this.browser.checkAccessibility();
		this.browser.screenshot("chapter-members", "2b-said-no-to-email");
		this.browser.choose("E-mail", "Said yes");
		this.browser.awaitNoText(By.id("results"), "Phoebe Phonebanker");
		assertThat(this.browser.text(By.id("results"))).contains("=HYPERLINK(");

		this.browser.follow("=HYPERLINK(\"http://evil.example\",\"Casey\")");
		assertThat(this.browser.text(MAIN)).contains("Shifts and hours").contains("Move to another chapter");
		this.browser.checkAccessibility();
		this.browser.screenshot("chapter-members", "3-member");
		this.browser.follow("Erase this member…");
		assertThat(this.browser.heading()).startsWith("Erase ");
		this.browser.checkAccessibility();
		this.browser.screenshot("chapter-members", "4-erase-confirmation");

		this.browser.follow("Leaderboards");
		assertThat(this.browser.heading()).isEqualTo("Leaderboards");
		this.browser.checkAccessibility();
		this.browser.screenshot("chapter-members", "5-leaderboards");
	}

	@Test
	void anOrganizerSetsUpTheWebhookSeesItsSecretOnceAndATestEventReachesTheReceiverSigned() throws Exception {
		String chapterId = this.organizers.registerChapter(STATE, "Pierre");
		try (WebhookReceiver receiver = WebhookReceiver.start()) {
			this.signIn.asOrganizerOf(chapterId, "/console/notifications");
			assertThat(this.browser.heading()).isEqualTo("Notifications");
			this.browser.checkAccessibility();
			this.browser.screenshot("chapter-webhook", "1-set-up");

			this.browser.fillIn("Webhook URL", receiver.url());
			this.browser.press("Save");
			assertThat(this.browser.text(MAIN)).contains("Your webhook’s signing secret").contains("shown this once");
			String secret = this.browser.text(By.id("webhook-secret"));
			assertThat(secret).startsWith("whsec_");
			this.browser.checkAccessibility();
			this.browser.screenshot("chapter-webhook", "2-secret-shown-once");

			this.browser.press("Send a test event");
			assertThat(this.browser.text(MAIN)).contains("The test event was delivered").doesNotContain(secret);
			this.browser.checkAccessibility();
			this.browser.screenshot("chapter-webhook", "3-test-delivered");
			this.browser.follow("Notifications");
			assertThat(this.browser.text(MAIN)).contains(receiver.url()).doesNotContain(secret);

			WebhookReceiver.Received test = receiver.received()
				.stream()
				.filter((received) -> received.body().contains("WebhookTest"))
				.findFirst()
				.orElseThrow();
			assertThatNoException().isThrownBy(() -> new Webhook(secret).verify(test.body(), test.headers()));

			this.browser.follow("The delivery log");
			assertThat(this.browser.heading()).isEqualTo("Delivery log");
			assertThat(this.browser.text(MAIN)).containsIgnoringCase("Delivered");
			this.browser.checkAccessibility();
			this.browser.screenshot("chapter-webhook", "4-delivery-log");
		}
	}

	/** The header's unread count (0 when it shows none). */
	private int unread() {
		Matcher count = COUNT.matcher(this.browser.text(UNREAD));
		return count.find() ? Integer.parseInt(count.group(1)) : 0;
	}

	/** A volunteer of the chapter, signed up by staff (who are answered the id). */
	private String signUp(String chapterId, String name, String interest, boolean emailConsent) {
		String email = "member-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		return this.gateway.asStaff()
			.post("/api/volunteers",
					Map.of("name", name, "email", email, "phone", "(605) 555-0142", "state", STATE, "chapterId",
							chapterId, "interests", List.of(interest), "consent",
							Map.of("email", emailConsent, "sms", false)))
			.json(201)
			.path("id")
			.asString();
	}

	/** What a console address answers the signed-in person (their session's cookie). */
	private HttpResponse<String> fetch(String pathOrAddress) throws Exception {
		return this.http.send(HttpRequest.newBuilder(this.browser.site().resolve(URI.create(pathOrAddress)))
			.header("Cookie", this.browser.cookieHeader())
			.header("Accept-Language", "en")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A form the person posts themselves, with their session and its CSRF token. */
	private HttpResponse<String> post(String path, String form) throws Exception {
		return this.http.send(HttpRequest.newBuilder(this.browser.site().resolve(path))
			.header("Cookie", this.browser.cookieHeader())
			.header("Accept-Language", "en")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
