package org.groundgame.endtoend;

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
 * volunteer who consents to e-mail is welcomed and their chapter hears of a new member;
 * one who does not consent gets no e-mail; erasing a volunteer makes them unknown and
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

	VolunteerJourneyTests(LocalPlatform platform, Gateway gateway) {
		this.gateway = gateway;
		this.organizers = new Organizers(gateway);
		this.mail = new CaughtMail(platform.mailbox());
	}

	@Test
	void aConsentingVolunteerIsWelcomedTheChapterHearsOfThemAndErasureForgetsThem() {
		String chapterId = this.organizers.registerChapter(STATE, "Tulsa");
		String email = "volunteer-" + unique() + "@example.org";

		Gateway.Answer signedUp = this.gateway.anonymous().post("/api/volunteers", signUp(email, chapterId, true));
		JsonNode volunteer = signedUp.json(201);
		String volunteerId = volunteer.path("id").asString();
		assertThat(signedUp.header("Location")).hasValue("/api/volunteers/" + volunteerId);

		JsonNode welcome = await().atMost(DELIVERY)
			.until(() -> this.mail.to(email), (found) -> !found.isEmpty())
			.get(0);
		assertThat(this.mail.message(welcome).path("subject").asString()).startsWith("Welcome to the team");
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
	void aVolunteerWithoutConsentGetsNoEMail() {
		String chapterId = this.organizers.registerChapter(STATE, "Norman");
		String email = "no-consent-" + unique() + "@example.org";

		String volunteerId = this.gateway.anonymous()
			.post("/api/volunteers", signUp(email, chapterId, false))
			.json(201)
			.path("id")
			.asString();

		// The chapter hears of the new member, so the sign-up went through the
		// notifications; the volunteer's mailbox stays empty.
		await().atMost(DELIVERY)
			.until(() -> this.organizers.inboxEntriesAbout(chapterId, volunteerId), (found) -> !found.isEmpty());
		assertThat(this.mail.to(email)).isEmpty();
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
