package org.groundgame.identity;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.groundgame.identity.person.Totp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People's accounts as the tests make them: invited through the API by staff, their link
 * read from the e-mail GreenMail received, their password set through the page.
 */
public final class Accounts {

	public static final String GOOD_PASSWORD = "correct horse battery staple";

	private final IdentityHttp http;

	public Accounts(IdentityHttp http) {
		this.http = http;
	}

	/** An address nobody else in the tests uses. */
	public static String newEmail(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	/** Invites the person; answers the API's response. */
	public HttpResponse<String> invite(String email, String displayName, String role, String chapterId) {
		String chapter = (chapterId != null) ? ",\"chapterId\":\"" + chapterId + "\"" : "";
		return this.http.post("/api/people", "{\"email\":\"" + email + "\",\"displayName\":\"" + displayName
				+ "\",\"role\":\"" + role + "\"" + chapter + "}", this.http.staffToken());
	}

	/** Tries to invite a person with another caller's token. */
	public HttpResponse<String> inviteWith(String token, String email, String role) {
		return this.http.post("/api/people",
				"{\"email\":\"" + email + "\",\"displayName\":\"Avery\",\"role\":\"" + role + "\"}", token);
	}

	/** Invites the person, and answers their id. */
	public String invited(String email, String role, String chapterId) {
		HttpResponse<String> response = invite(email, "Avery Lindqvist", role, chapterId);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return IdentityHttp.json(response).get("id").asString();
	}

	/** Invites the person and sets their password through the e-mailed link. */
	public String active(String email, String role, String chapterId) {
		String id = invited(email, role, chapterId);
		Browser browser = new Browser(this.http);
		String link = MailTestConfiguration.awaitLink(email, 1);
		HttpResponse<String> page = browser.get(link);
		assertThat(page.statusCode()).isEqualTo(200);
		HttpResponse<String> set = browser.post("/account/invitation", page,
				Map.of("token", token(link), "password", GOOD_PASSWORD, "confirmation", GOOD_PASSWORD));
		assertThat(set.statusCode()).as(set.body()).isEqualTo(302);
		return id;
	}

	/**
	 * Signs a STAFF person in for the first time, enrolling an authenticator on the way,
	 * with the code of the current time step; answers the secret and that time (the next
	 * code to use is the next step's).
	 */
	public Enrolment enrol(Browser browser, String email) {
		HttpResponse<String> password = browser.signIn(email, GOOD_PASSWORD);
		assertThat(browser.location(password)).endsWith("/account/enrol");
		HttpResponse<String> page = browser.get("/account/enrol");
		assertThat(page.statusCode()).isEqualTo(200);
		String uri = between(page.body(), "otpauth://totp/", "<");
		String secret = between(uri, "secret=", "&amp;");
		Instant at = Instant.now();
		HttpResponse<String> enrolled = browser.post("/account/enrol", page, Map.of("code", Totp.code(secret, at)));
		assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(302);
		assertThat(browser.location(enrolled)).contains("/oauth2/authorize");
		browser.code(enrolled);
		return new Enrolment(secret, at);
	}

	/** An authenticator's secret, and when its code was used to enrol it. */
	public record Enrolment(String secret, Instant codeUsedAt) {

		public String usedCode() {
			return Totp.code(this.secret, this.codeUsedAt);
		}

		public String nextCode() {
			return Totp.code(this.secret, this.codeUsedAt.plusSeconds(30));
		}

	}

	public static String token(String link) {
		return link.substring(link.indexOf("token=") + "token=".length());
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start);
		assertThat(from).as(text).isNotNegative();
		int to = text.indexOf(end, from + start.length());
		return text.substring(from + ((start.startsWith("otpauth")) ? 0 : start.length()), to);
	}

}
