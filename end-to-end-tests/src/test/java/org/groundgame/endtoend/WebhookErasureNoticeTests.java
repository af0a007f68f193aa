package org.groundgame.endtoend;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.groundgame.platform.LocalPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * A chapter's webhook receiver that was sent a volunteer's sign-up is told, with a signed
 * notice, when the chapter deletes the volunteer: ids only, enough to find and delete its
 * copy. A sister chapter's receiver, never sent that volunteer's data, is told nothing.
 * Through the gateway only; the receivers are real HTTP servers on 127.0.0.1 checking
 * signatures with the official Standard Webhooks library. South Carolina belongs to this
 * class.
 */
@ExtendWith(RunningPlatform.class)
class WebhookErasureNoticeTests {

	private static final String STATE = "SC";

	private static final String SIGNED_UP = "org.groundgame.volunteer.VolunteerSignedUp.v1";

	private static final String NOTICE = "org.groundgame.notification.PersonalDataErased.v1";

	private static final Duration DELIVERY = Duration.ofSeconds(30);

	private static final JsonMapper json = JsonMapper.shared();

	private final Gateway gateway;

	private final Organizers organizers;

	private final CaughtMail mail;

	WebhookErasureNoticeTests(LocalPlatform platform, Gateway gateway) {
		this.gateway = gateway;
		this.organizers = new Organizers(gateway);
		this.mail = new CaughtMail(platform.mailbox());
	}

	@Test
	void theReceiverSentAVolunteersSignUpIsToldOfTheirErasureAndASisterChaptersIsNot() throws IOException {
		try (WebhookReceiver members = WebhookReceiver.start(); WebhookReceiver sister = WebhookReceiver.start()) {
			String chapterId = this.organizers.registerChapter(STATE, "Columbia");
			String sisterId = this.organizers.registerChapter(STATE, "Charleston");
			Gateway chapter = this.gateway.asChapter(chapterId);
			String secret = subscribe(chapter, chapterId, members.url());
			String sisterSecret = subscribe(this.gateway.asChapter(sisterId), sisterId, sister.url());
			String unique = UUID.randomUUID().toString().substring(0, 8);
			String name = "Nico Notified " + unique;
			String email = "notice-" + unique + "@example.org";
			Map<String, Object> signUp = new HashMap<>();
			signUp.put("name", name);
			signUp.put("email", email);
			signUp.put("phone", "(803) 555-0199");
			signUp.put("zip", "29201");
			signUp.put("state", STATE);
			signUp.put("chapterId", chapterId);
			signUp.put("consent", Map.of("email", true, "sms", false));
			this.gateway.anonymous().post("/api/volunteers", signUp).json(202);
			String volunteerId = new VolunteerMail(this.mail).keyOf(email).volunteerId();
			WebhookReceiver.Received signedUp = await().atMost(DELIVERY)
				.until(() -> ofType(members, SIGNED_UP), (found) -> !found.isEmpty())
				.get(0);
			assertThat(signedUp.body()).contains(email);

			assertThat(chapter.send("DELETE", "/api/volunteers/" + volunteerId, null).status()).isEqualTo(204);

			WebhookReceiver.Received notice = await().atMost(DELIVERY)
				.until(() -> ofType(members, NOTICE), (found) -> !found.isEmpty())
				.get(0);
			assertThatNoException().isThrownBy(() -> new Webhook(secret).verify(notice.body(), notice.headers()));
			assertThatExceptionOfType(WebhookVerificationException.class)
				.isThrownBy(() -> new Webhook(sisterSecret).verify(notice.body(), notice.headers()));
			JsonNode data = json.readTree(notice.body()).path("data");
			assertThat(data.path("kind").asString()).isEqualTo("VOLUNTEER");
			assertThat(data.path("personId").asString()).isEqualTo(volunteerId);
			assertThat(data.path("events").get(0).path("id").asString())
				.isEqualTo(json.readTree(signedUp.body()).path("id").asString());
			assertThat(notice.body()).doesNotContain(name).doesNotContain(email).doesNotContain("555-0199");
			assertThat(ofType(members, NOTICE)).hasSize(1);

			// The sister chapter was never sent the volunteer's data: no notice is even
			// planned for it.
			assertThat(this.gateway.asStaff()
				.get("/api/notifications/deliveries?chapterId=" + sisterId + "&channel=WEBHOOK")
				.json(200)
				.path("content")).isEmpty();
			assertThat(sister.received()).isEmpty();
		}
	}

	private static List<WebhookReceiver.Received> ofType(WebhookReceiver receiver, String type) {
		return receiver.received()
			.stream()
			.filter((received) -> type.equals(json.readTree(received.body()).path("type").asString()))
			.toList();
	}

	private static String subscribe(Gateway chapter, String chapterId, String webhookUrl) {
		Map<String, Object> subscription = new LinkedHashMap<>();
		subscription.put("topics", List.of("VOLUNTEERS"));
		subscription.put("states", List.of());
		subscription.put("webhook", Map.of("url", webhookUrl));
		subscription.put("inbox", true);
		Gateway.Answer answer = await().atMost(DELIVERY)
			.until(() -> chapter.send("PUT", "/api/notifications/subscriptions/" + chapterId, subscription),
					(put) -> put.status() != 404);
		String secret = answer.json(200).path("webhook").path("secret").asString();
		assertThat(secret).startsWith("whsec_");
		return secret;
	}

}
