package org.groundgame.platform;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * An organizer for each demo chapter, who signs in to the console: invited by national
 * staff through identity-service's people API, as any organizer is, and given a password
 * the way a person would, from the invitation link e-mailed to them, which the local
 * platform's mail catcher holds. Their passwords are kept with the platform's
 * credentials, so the launcher can print them; an organizer already there is left as they
 * are.
 */
final class DemoOrganizers {

	private static final Pattern INVITATION = Pattern.compile("(/account/invitation\\?token=[A-Za-z0-9_-]+)");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final Duration POLL = Duration.ofMillis(250);

	private final URI gateway;

	private final JsonHttp staff;

	private final PlatformCredentials credentials;

	private final MailCatcher mail;

	DemoOrganizers(URI gateway, JsonHttp staff, PlatformCredentials credentials, MailCatcher mail) {
		this.gateway = gateway;
		this.staff = staff;
		this.credentials = credentials;
		this.mail = mail;
	}

	/**
	 * Makes sure each demo chapter has its organizer.
	 * @param chapterIds the demo chapters' ids by city
	 * @return each chapter's organizer (e-mail address and password) by city
	 */
	Map<String, PlatformCredentials.Client> seed(Map<String, String> chapterIds) {
		Map<String, PlatformCredentials.Client> organizers = new LinkedHashMap<>();
		chapterIds.forEach((city, chapterId) -> organizers.put(city,
				this.credentials.organizer(chapterId).orElseGet(() -> invite(city, chapterId))));
		return organizers;
	}

	private PlatformCredentials.Client invite(String city, String chapterId) {
		String email = "organizer." + city.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-")
				+ "@mobilize-missouri.example";
		Map<String, Object> invitation = Map.of("email", email, "displayName", city + " organizer (demo)", "role",
				"CHAPTER", "chapterId", chapterId);
		JsonHttp.Response answer = untilChapterKnown(() -> this.staff.post("/api/people", invitation));
		if (answer.status() == 409) {
			// Invited before, but its password was not kept here: a new link.
			String id = personId(email).orElseThrow(() -> new JsonHttp.GatewayException(
					"identity-service has an account for the " + city + " organizer but does not list it"));
			this.staff.post("/api/people/" + id + "/invitation", Map.of()).json();
		}
		else {
			answer.json();
		}
		String password = PlatformCredentials.newSecret().substring(0, 24);
		choosePassword(invitationLink(email), password);
		PlatformCredentials.Client organizer = new PlatformCredentials.Client(email, password);
		this.credentials.putOrganizer(chapterId, organizer);
		return organizer;
	}

	/**
	 * identity-service takes a chapter organizer only for a chapter it has heard of, a
	 * moment after the chapter was registered (its {@code 400} names {@code chapterId}
	 * until then), as for chapters' clients.
	 */
	private JsonHttp.Response untilChapterKnown(java.util.function.Supplier<JsonHttp.Response> request) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		JsonHttp.Response answer = request.get();
		while (answer.status() == 400 && answer.body().contains("\"chapterId\"") && System.nanoTime() < deadline) {
			pause();
			answer = request.get();
		}
		return answer;
	}

	private Optional<String> personId(String email) {
		for (int page = 0; page < 100; page++) {
			JsonNode people = this.staff.get("/api/people?size=100&page=" + page).json();
			for (JsonNode person : people.path("content")) {
				if (email.equalsIgnoreCase(person.path("email").asString())) {
					return Optional.of(person.path("id").asString());
				}
			}
			if (page + 1 >= people.path("page").path("totalPages").asInt()) {
				break;
			}
		}
		return Optional.empty();
	}

	/**
	 * The newest invitation link e-mailed to the address, as the mail catcher holds it.
	 */
	private String invitationLink(String email) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			for (MailCatcher.CaughtMail caught : this.mail.messages()) {
				if (caught.recipients().stream().anyMatch(email::equalsIgnoreCase)) {
					String text = Mailbox.read(caught).text();
					Matcher link = INVITATION.matcher((text != null) ? text : "");
					if (link.find()) {
						return link.group(1);
					}
				}
			}
			pause();
		}
		throw new JsonHttp.GatewayException("No invitation reached " + email + " within " + WAIT.toSeconds() + " s");
	}

	/** What the organizer does with the link: the form, then their password, twice. */
	private void choosePassword(String link, String password) {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		try {
			HttpResponse<String> page = browser.send(HttpRequest.newBuilder(this.gateway.resolve(link))
				.header("Accept", "text/html")
				.timeout(Duration.ofSeconds(15))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			Matcher csrf = CSRF.matcher(page.body());
			if (page.statusCode() != 200 || !csrf.find()) {
				throw new JsonHttp.GatewayException("The invitation page answered " + page.statusCode());
			}
			String token = link.substring(link.indexOf("token=") + "token=".length());
			String form = "token=" + JsonHttp.encode(token) + "&password=" + JsonHttp.encode(password)
					+ "&confirmation=" + JsonHttp.encode(password) + "&_csrf=" + JsonHttp.encode(csrf.group(1));
			HttpResponse<String> set = browser.send(HttpRequest.newBuilder(this.gateway.resolve("/account/invitation"))
				.header("Accept", "text/html")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.timeout(Duration.ofSeconds(15))
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (set.statusCode() != 302 || !set.headers().firstValue("Location").orElse("").contains("/login")) {
				throw new JsonHttp.GatewayException("Choosing the organizer's password answered " + set.statusCode());
			}
		}
		catch (IOException ex) {
			throw new JsonHttp.GatewayException("Choosing the organizer's password failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new JsonHttp.GatewayException("Interrupted while choosing the organizer's password", ex);
		}
	}

	private static void pause() {
		try {
			Thread.sleep(POLL);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new JsonHttp.GatewayException("Interrupted while waiting for identity-service", ex);
		}
	}

}
