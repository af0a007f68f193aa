package org.groundgame.endtoend;

import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;
import org.groundgame.platform.LocalPlatform;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Signs people in to the organizers' console in the real browser, as they would. Each
 * sign-in is a new person, invited by national staff through identity-service's people
 * API: they open the invitation link e-mailed to them, choose a password, open the
 * console, are sent to identity-service's sign-in page, give their address and password
 * and — national staff — set up their authenticator app with the key the page shows and
 * type the code it makes. A new person each time, because a one-time code is taken once:
 * two sign-ins of one person within the same 30 seconds could not both pass.
 */
final class ConsoleSignIn {

	private static final Pattern INVITATION = Pattern
		.compile("https?://[^/\\s]+(/account/invitation\\?token=[A-Za-z0-9_-]+)");

	private static final Duration DELIVERY = Duration.ofSeconds(30);

	/**
	 * How long identity-service may take to hear of a chapter registered a moment ago.
	 */
	private static final Duration PROJECTION = Duration.ofSeconds(30);

	private final Gateway gateway;

	private final Browser browser;

	private final CaughtMail mail;

	ConsoleSignIn(LocalPlatform platform, Gateway gateway, Browser browser) {
		this.gateway = gateway;
		this.browser = browser;
		this.mail = new CaughtMail(platform.mailbox());
	}

	/** Opens a console page as a new national staff person, signing in on the way. */
	Person asStaff(String path) {
		return as(invite("STAFF", null), path);
	}

	/** Opens a console page as a new person of the school's staff. */
	Person asTrainingStaff(String path) {
		return as(invite("TRAINING_STAFF", null), path);
	}

	/** Opens a console page as a new organizer of a chapter. */
	Person asOrganizerOf(String chapterId, String path) {
		return as(invite("CHAPTER", chapterId), path);
	}

	/**
	 * National staff invite a person, who opens the link e-mailed to them and chooses a
	 * password.
	 * @param role STAFF, TRAINING_STAFF or CHAPTER
	 * @param chapterId the organizer's chapter, else {@code null}
	 * @return the person, with their password
	 */
	Person invite(String role, String chapterId) {
		String email = role.toLowerCase(Locale.ROOT).replace('_', '-') + "-" + UUID.randomUUID() + "@example.org";
		String name = switch (role) {
			case "STAFF" -> "Sam Staff";
			case "TRAINING_STAFF" -> "Tess Trainer";
			default -> "Orla Organizer";
		};
		Map<String, Object> invitation = new LinkedHashMap<>();
		invitation.put("email", email);
		invitation.put("displayName", name);
		invitation.put("role", role);
		if (chapterId != null) {
			invitation.put("chapterId", chapterId);
		}
		// identity-service knows a chapter from volunteer-service's ChapterRegistered
		// event, a
		// moment after the chapter was registered (the test may have registered it just
		// now): until then it refuses an organizer for it with a 400 naming chapterId,
		// and
		// stores nothing, as the launcher's seeder allows for. Any other answer is final.
		Gateway staff = this.gateway.asStaff();
		await().atMost(PROJECTION)
			.until(() -> staff.post("/api/people", invitation),
					(answer) -> !(answer.status() == 400 && answer.body().contains("\"chapterId\"")))
			.json(201);
		return accept(email, name);
	}

	/**
	 * The invited person opens the link e-mailed to them and chooses a password.
	 * @param email their address
	 * @param name their name
	 * @return the person, with their password
	 */
	Person accept(String email, String name) {
		String link = invitationLink(email);
		String password = "a long walk to the union hall " + UUID.randomUUID().toString().substring(0, 8);
		this.browser.open(link);
		this.browser.fillIn("New password", password);
		this.browser.fillIn("The same password again", password);
		this.browser.press("Set password");
		assertThat(this.browser.address().getPath()).isEqualTo("/login");
		return new Person(email, name, password);
	}

	/** Opens a console page as this person, signing in on identity-service's pages. */
	Person as(Person person, String path) {
		this.browser.open(path);
		password(person);
		if (this.browser.address().getPath().equals("/account/enrol")) {
			String key = this.browser.text(By.cssSelector("code.setup-key")).replaceAll("\\s", "");
			this.browser.fillIn("One-time code", code(key, Instant.now()));
			this.browser.press("Finish setting up");
		}
		return person;
	}

	/**
	 * Gives the person's address and password on identity-service's sign-in page, where
	 * the browser is now, and stops at whatever comes next.
	 */
	void password(Person person) {
		assertThat(this.browser.address().getPath()).isEqualTo("/login");
		this.browser.fillIn("E-mail address", person.email());
		this.browser.fillIn("Password", person.password());
		this.browser.press("Sign in");
	}

	/** The invitation link e-mailed to an address: its path and query. */
	String invitationLink(String email) {
		JsonNode listed = await().atMost(DELIVERY).until(() -> {
			List<JsonNode> messages = this.mail.to(email);
			return messages.isEmpty() ? null : messages.get(0);
		}, (message) -> message != null);
		String text = this.mail.message(listed).path("text").asString();
		Matcher link = INVITATION.matcher(text);
		assertThat(link.find()).as("an invitation link in: " + text).isTrue();
		return link.group(1);
	}

	/** The code an authenticator app given this setup key shows at this moment. */
	static String code(String base32Key, Instant at) {
		byte[] key = new Base32().decode(base32Key.toUpperCase(Locale.ROOT));
		try {
			return new TimeBasedOneTimePasswordGenerator().generateOneTimePasswordString(
					new SecretKeySpec(key, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1), at);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Someone who signs in to the console. */
	record Person(String email, String name, String password) {

	}

}
