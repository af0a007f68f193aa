package org.groundgame.endtoend;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.groundgame.platform.LocalPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Join the team" as a volunteer and their chapter live it, through the gateway only: a
 * volunteer gets their private link by e-mail (never in the answer); one who consents to
 * e-mail is welcomed and their chapter hears of a new member; one who does not consent
 * gets no other e-mail; an outsider with someone's address changes nothing, and only the
 * link sent to that address applies a change; erasing a volunteer makes them unknown and
 * purges the chapter's inbox entry about them. The chapter is in a state no other test
 * uses.
 */
@ExtendWith(RunningPlatform.class)
class VolunteerJourneyTests {

	private static final String STATE = "OK";

	private static final Duration DELIVERY = Duration.ofSeconds(30);

	private final Gateway gateway;

	private final Organizers organizers;

	private final CaughtMail mail;

	private final VolunteerMail volunteerMail;

	VolunteerJourneyTests(LocalPlatform platform, Gateway gateway) {
		this.gateway = gateway;
		this.organizers = new Organizers(gateway);
		this.mail = new CaughtMail(platform.mailbox());
		this.volunteerMail = new VolunteerMail(this.mail);
	}

	@Test
	void aConsentingVolunteerIsWelcomedTheChapterHearsOfThemAndErasureForgetsThem() {
		String chapterId = this.organizers.registerChapter(STATE, "Tulsa");
		String email = "volunteer-" + unique() + "@example.org";

		Gateway.Answer signedUp = this.gateway.anonymous().post("/api/volunteers", signUp(email, chapterId, true));
		JsonNode volunteer = signedUp.json(202);
		assertThat(volunteer.has("id")).isFalse();
		assertThat(signedUp.header("Location")).isEmpty();

		// Their id and key reach them by e-mail only, with the welcome they consented to.
		String volunteerId = this.volunteerMail.keyOf(email).volunteerId();
		this.volunteerMail.awaitCount(email, "Welcome to the team, " + volunteer.path("name").asString() + "!", 1);
		List<JsonNode> newMember = await().atMost(DELIVERY)
			.until(() -> this.organizers.inboxEntriesAbout(chapterId, volunteerId), (found) -> !found.isEmpty());
		assertThat(newMember).singleElement()
			.satisfies((entry) -> assertThat(entry.path("title").asString()).startsWith("New member"));
		Gateway chapter = this.gateway.asChapter(chapterId);
		assertThat(chapter.get("/api/volunteers/" + volunteerId).json(200).path("email").asString()).isEqualTo(email);

		assertThat(chapter.send("DELETE", "/api/volunteers/" + volunteerId, null).status()).isEqualTo(204);

		assertThat(this.gateway.asStaff().get("/api/volunteers/" + volunteerId).status()).isEqualTo(404);
		await().atMost(DELIVERY)
			.untilAsserted(() -> assertThat(this.organizers.inboxEntriesAbout(chapterId, volunteerId)).isEmpty());
	}

	@Test
	void aVolunteerWithoutConsentGetsTheirPrivateLinkAndNoOtherEMail() {
		String chapterId = this.organizers.registerChapter(STATE, "Norman");
		String email = "no-consent-" + unique() + "@example.org";

		this.gateway.anonymous().post("/api/volunteers", signUp(email, chapterId, false)).json(202);

		// The link is transactional (without it they cannot RSVP); the welcome is not.
		String volunteerId = this.volunteerMail.keyOf(email).volunteerId();
		await().atMost(DELIVERY)
			.until(() -> this.organizers.inboxEntriesAbout(chapterId, volunteerId), (found) -> !found.isEmpty());
		// A barrier: signing up again with the address asks the person to confirm, a
		// transactional e-mail caused by an event on the volunteer's key after the
		// sign-up's. Once it is in the mailbox, the notification service has handled the
		// sign-up too, and a welcome, had it been sent, would be there before it.
		this.gateway.anonymous().post("/api/volunteers", signUp(email, chapterId, false)).json(202);
		this.volunteerMail.awaitCount(email, VolunteerMail.CONFIRM_SUBJECT, 1);
		assertThat(this.mail.to(email)).extracting((message) -> message.path("subject").asString())
			.containsExactlyInAnyOrder(VolunteerMail.LINK_SUBJECT, VolunteerMail.CONFIRM_SUBJECT);
	}

	/**
	 * Attack 2 of issue 15, tried again as an outsider: signing up with someone else's
	 * address used to replace their name, phone, state and chapter, withdraw their
	 * consent and answer with their id. Now it changes nothing, answers as for any
	 * address, and only a link sent to that address applies it.
	 */
	@Test
	void anOutsiderWithSomeonesAddressChangesNothingAndOnlyTheirMailboxCanConfirmAChange() {
		String chapterId = this.organizers.registerChapter(STATE, "Lawton");
		String otherChapterId = this.organizers.registerChapter(STATE, "Enid");
		String email = "target-" + unique() + "@example.org";
		JsonNode theirs = this.gateway.anonymous().post("/api/volunteers", signUp(email, chapterId, true)).json(202);
		String volunteerId = this.volunteerMail.keyOf(email).volunteerId();

		Map<String, Object> hostile = signUp(email.toUpperCase(), otherChapterId, false);
		hostile.put("name", "Mallory Outsider");
		hostile.put("phone", "(405) 555-0666");
		Gateway.Answer answer = this.gateway.anonymous().post("/api/volunteers", hostile);

		assertThat(answer.status()).isEqualTo(202);
		assertThat(answer.header("Location")).isEmpty();
		assertThat(answer.body()).doesNotContain(volunteerId).doesNotContain(theirs.path("name").asString());
		assertThat(fieldNames(answer.json())).isEqualTo(fieldNames(theirs));
		Gateway chapter = this.gateway.asChapter(chapterId);
		JsonNode unchanged = chapter.get("/api/volunteers/" + volunteerId).json(200);
		assertThat(unchanged.path("name").asString()).isEqualTo(theirs.path("name").asString());
		assertThat(unchanged.path("phone").asString()).isEqualTo("+19185550147");
		assertThat(unchanged.path("chapterId").asString()).isEqualTo(chapterId);
		assertThat(unchanged.path("consent").path("email").path("status").asString()).isEqualTo("OPT_IN");

		// The person is asked, at their address, greeted by the name they are known by;
		// nothing the outsider typed is in the e-mail.
		String token = this.volunteerMail.confirmationTokenOf(email);
		JsonNode asked = this.mail.to(email)
			.stream()
			.filter((message) -> VolunteerMail.CONFIRM_SUBJECT.equals(message.path("subject").asString()))
			.findFirst()
			.map(this.mail::message)
			.orElseThrow();
		assertThat(asked.path("text").asString()).contains(theirs.path("name").asString())
			.doesNotContain("Mallory")
			.doesNotContain("555-0666");
		assertThat(this.gateway.anonymous()
			.sendRaw("POST", "/api/volunteers/confirmations", HttpRequest.BodyPublishers.noBody(),
					"X-Confirmation-Token", "guessed-" + token)
			.status()).isEqualTo(404);

		// Following the link applies the change, once.
		Gateway.Answer confirmed = this.gateway.anonymous()
			.sendRaw("POST", "/api/volunteers/confirmations", HttpRequest.BodyPublishers.noBody(),
					"X-Confirmation-Token", token);
		assertThat(confirmed.json(200).path("name").asString()).isEqualTo("Mallory Outsider");
		assertThat(this.gateway.anonymous()
			.sendRaw("POST", "/api/volunteers/confirmations", HttpRequest.BodyPublishers.noBody(),
					"X-Confirmation-Token", token)
			.status()).isEqualTo(404);
		assertThat(this.gateway.asChapter(otherChapterId)
			.get("/api/volunteers/" + volunteerId)
			.json(200)
			.path("phone")
			.asString()).isEqualTo("+14055550666");
		// A new private link replaces the old one.
		this.volunteerMail.awaitCount(email, VolunteerMail.LINK_SUBJECT, 2);
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new java.util.ArrayList<>(node.propertyNames());
		names.sort(null);
		return names;
	}

	private static Map<String, Object> signUp(String email, String chapterId, boolean emailConsent) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Wilma Mankiller " + unique());
		body.put("email", email);
		body.put("phone", "(918) 555-0147");
		body.put("zip", "74103");
		body.put("state", STATE);
		body.put("chapterId", chapterId);
		body.put("interests", List.of("CANVASSING", "PHONE_BANKING"));
		body.put("consent", Map.of("email", emailConsent, "sms", false));
		body.put("source", "end-to-end test");
		return body;
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
