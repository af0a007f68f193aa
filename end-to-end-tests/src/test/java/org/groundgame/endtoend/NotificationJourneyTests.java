package org.groundgame.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.standardwebhooks.Webhook;
import org.groundgame.platform.LocalPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * Notifications as organizers meet them, through the gateway only: a chapter subscribes
 * with its own webhook receiver (a real HTTP server on 127.0.0.1, checking signatures
 * with the official Standard Webhooks library) and its e-mail address, reads the delivery
 * log, manages its webhook, and follows its inbox live as Server-Sent Events; national
 * staff find nominations to review in their own inbox. Each test works in a state no
 * other test uses, so that no other endorsement reaches its chapter.
 */
@ExtendWith(RunningPlatform.class)
class NotificationJourneyTests {

	private static final String ENDORSEMENT_GRANTED = "org.groundgame.endorsement.EndorsementGranted.v1";

	private static final String NOMINATION_SUBMITTED = "org.groundgame.endorsement.NominationSubmitted.v1";

	private static final String WEBHOOK_TEST = "org.groundgame.notification.WebhookTest.v1";

	private static final Duration DELIVERY = Duration.ofSeconds(30);

	private static final JsonMapper json = JsonMapper.shared();

	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final LocalPlatform platform;

	private final Gateway gateway;

	private final Organizers organizers;

	private final CaughtMail mail;

	private WebhookReceiver receiver;

	NotificationJourneyTests(LocalPlatform platform, Gateway gateway) {
		this.platform = platform;
		this.gateway = gateway;
		this.organizers = new Organizers(gateway);
		this.mail = new CaughtMail(platform.mailbox());
	}

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = WebhookReceiver.start();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void anEndorsementReachesTheChapterOnceBySignedWebhookAndByEmailAndTheDeliveryLogShowsBoth() throws Exception {
		String chapterId = this.organizers.registerChapter("VT", "Montpelier");
		Gateway chapter = this.gateway.asChapter(chapterId);
		String email = "alerts-" + unique() + "@green-mountain-organizers.example";
		String secret = subscribe(chapter, chapterId, email, this.receiver.url());

		String nominationId = this.organizers.nominateAsStaff("VT");
		String endorsementId = this.organizers.endorse(nominationId);

		List<JsonNode> deliveries = await().atMost(DELIVERY)
			.until(() -> deliveriesAbout(chapter, chapterId, endorsementId), (about) -> about.size() == 2
					&& about.stream().allMatch((delivery) -> delivery.path("status").asString().equals("DELIVERED")));
		assertThat(deliveries).extracting((delivery) -> delivery.path("channel").asString())
			.containsExactlyInAnyOrder("EMAIL", "WEBHOOK");
		assertThat(deliveries).allSatisfy((delivery) -> {
			assertThat(delivery.path("eventType").asString()).isEqualTo(ENDORSEMENT_GRANTED);
			assertThat(delivery.path("recipient").path("kind").asString()).isEqualTo("CHAPTER");
			assertThat(delivery.path("recipient").path("id").asString()).isEqualTo(chapterId);
			assertThat(delivery.path("attemptCount").asInt()).isEqualTo(1);
		});
		JsonNode webhookDelivery = deliveries.stream()
			.filter((delivery) -> delivery.path("channel").asString().equals("WEBHOOK"))
			.findFirst()
			.orElseThrow();
		assertThat(webhookDelivery.path("address").asString()).isEqualTo(this.receiver.url());
		assertThat(webhookDelivery.path("attempts").get(0).path("statusCode").asInt()).isEqualTo(204);
		assertThat(chapter.get("/api/notifications/deliveries/" + webhookDelivery.path("id").asString())
			.json(200)
			.path("status")
			.asString()).isEqualTo("DELIVERED");

		// Delivered once, so nothing more is coming: exactly one POST, signed.
		assertThat(this.receiver.received()).hasSize(1);
		WebhookReceiver.Received post = this.receiver.received().get(0);
		assertThat(post.method()).isEqualTo("POST");
		assertThat(post.header("content-type")).startsWith("application/cloudevents+json");
		assertThatNoException().isThrownBy(() -> new Webhook(secret).verify(post.body(), post.headers()));
		JsonNode event = json.readTree(post.body());
		assertThat(event.path("specversion").asString()).isEqualTo("1.0");
		assertThat(event.path("type").asString()).isEqualTo(ENDORSEMENT_GRANTED);
		assertThat(event.path("id").asString()).isNotBlank();
		assertThat(event.path("source").asString()).isEqualTo("/groundgame/endorsement-service");
		assertThat(event.path("subject").asString()).isEqualTo(endorsementId);
		assertThat(event.path("data").path("endorsementId").asString()).isEqualTo(endorsementId);
		assertThat(event.path("data").path("nominationId").asString()).isEqualTo(nominationId);

		JsonNode mail = await().atMost(DELIVERY).until(() -> this.mail.to(email), (found) -> !found.isEmpty()).get(0);
		assertThat(this.mail.to(email)).hasSize(1);
		JsonNode message = this.mail.message(mail);
		assertThat(message.path("subject").asString()).contains("Endorsed");
		assertThat(message.path("text").asString()).isNotBlank();
		assertThat(message.path("html").asString()).isNotBlank();
	}

	@Test
	void aChapterTestsItsWebhookRotatesTheSecretAndReplaysWhatWasSent() throws Exception {
		String chapterId = this.organizers.registerChapter("ME", "Augusta");
		Gateway chapter = this.gateway.asChapter(chapterId);
		String oldSecret = subscribe(chapter, chapterId, null, this.receiver.url());
		Instant before = Instant.now().minusSeconds(1);

		JsonNode test = chapter.post("/api/notifications/subscriptions/" + chapterId + "/webhook/test", Map.of())
			.json(200);
		assertThat(test.path("status").asString()).isEqualTo("DELIVERED");
		assertThat(test.path("eventType").asString()).isEqualTo(WEBHOOK_TEST);
		assertThat(this.receiver.received()).hasSize(1);
		WebhookReceiver.Received first = this.receiver.received().get(0);
		assertThat(json.readTree(first.body()).path("type").asString()).isEqualTo(WEBHOOK_TEST);
		assertThatNoException().isThrownBy(() -> new Webhook(oldSecret).verify(first.body(), first.headers()));

		JsonNode rotated = chapter.post("/api/notifications/subscriptions/" + chapterId + "/webhook/secret", Map.of())
			.json(200);
		String newSecret = rotated.path("secret").asString();
		assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
		assertThat(rotated.path("previousSecretExpiresAt").asString()).isNotBlank();
		JsonNode shown = chapter.get("/api/notifications/subscriptions/" + chapterId).json(200);
		assertThat(shown.path("webhook").has("secret")).isFalse();

		JsonNode replay = chapter
			.post("/api/notifications/subscriptions/" + chapterId + "/webhook/replay",
					Map.of("since", before.toString()))
			.json(202);
		assertThat(replay.path("replayed").asInt()).isEqualTo(1);
		await().atMost(DELIVERY).until(() -> this.receiver.received().size() == 2);
		WebhookReceiver.Received again = this.receiver.received().get(1);
		assertThat(again.header("webhook-id")).isEqualTo(first.header("webhook-id"));
		assertThat(again.body()).isEqualTo(first.body());
		// During the overlap both secrets sign: a receiver not yet told of the new one
		// still verifies.
		assertThatNoException().isThrownBy(() -> new Webhook(newSecret).verify(again.body(), again.headers()));
		assertThatNoException().isThrownBy(() -> new Webhook(oldSecret).verify(again.body(), again.headers()));
		// One delivery in the log, sent twice.
		JsonNode logged = await().atMost(DELIVERY)
			.until(() -> this.gateway.asStaff()
				.get("/api/notifications/deliveries?chapterId=" + chapterId + "&channel=WEBHOOK&status=DELIVERED")
				.json(200)
				.path("content"), (content) -> content.size() == 1 && content.get(0).path("attemptCount").asInt() == 2);
		assertThat(logged.get(0).path("id").asString()).isEqualTo(test.path("id").asString());
	}

	@Test
	void theInboxStreamsTheEndorsementLiveAndStaffFindTheNominationInTheirOwnInbox() throws Exception {
		String chapterId = this.organizers.registerChapter("NH", "Concord");
		Gateway chapter = this.gateway.asChapter(chapterId);
		// The notification-service knows the chapter (and so that it is in NH) once its
		// subscription can be read.
		await().atMost(DELIVERY)
			.until(() -> chapter.get("/api/notifications/subscriptions/" + chapterId).status() == 200);

		try (EventStream stream = EventStream.open(this.gateway.uri().resolve("/api/notifications/stream"),
				this.gateway.tokens().chapter(chapterId))) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.contentType()).startsWith("text/event-stream");
			// The service's first comment says the stream is open.
			await().atMost(DELIVERY).until(() -> stream.lines().stream().anyMatch((line) -> line.startsWith(":")));

			String nominationId = this.organizers.nominateAsStaff("NH");
			String endorsementId = this.organizers.endorse(nominationId);

			Event live = await().atMost(DELIVERY)
				.until(() -> stream.events()
					.stream()
					.filter((event) -> endorsementId.equals(json.readTree(event.data()).path("subjectId").asString()))
					.findFirst(), Optional::isPresent)
				.orElseThrow();
			assertThat(live.type()).isEqualTo("notification");
			JsonNode entry = json.readTree(live.data());
			assertThat(live.id()).isNotBlank().isEqualTo(entry.path("id").asString());
			assertThat(entry.path("eventType").asString()).isEqualTo(ENDORSEMENT_GRANTED);
			assertThat(entry.path("chapterId").asString()).isEqualTo(chapterId);
			assertThat(entry.path("read").asBoolean()).isFalse();
			assertThat(this.organizers.inboxEntriesAbout(chapterId, endorsementId))
				.extracting((inboxEntry) -> inboxEntry.path("id").asString())
				.containsExactly(live.id());

			// Read where it arrived: the unread count follows.
			long unread = unreadCount(chapter, chapterId);
			assertThat(chapter.post("/api/notifications/inbox/" + live.id() + "/read", Map.of())
				.json(200)
				.path("read")
				.asBoolean()).isTrue();
			assertThat(unreadCount(chapter, chapterId)).isEqualTo(unread - 1);

			List<JsonNode> staffInbox = await().atMost(DELIVERY)
				.until(() -> entriesAbout(this.gateway.asStaff().get("/api/notifications/inbox?size=100").json(200),
						nominationId), (about) -> !about.isEmpty());
			assertThat(staffInbox).singleElement().satisfies((staffEntry) -> {
				assertThat(staffEntry.path("eventType").asString()).isEqualTo(NOMINATION_SUBMITTED);
				assertThat(staffEntry.path("title").asString()).startsWith("Nomination to review");
			});
			assertThat(this.organizers.inboxEntriesAbout(chapterId, nominationId)).isEmpty();
		}
	}

	/**
	 * Sets the chapter's subscription as soon as the notification-service knows the
	 * chapter ({@code 404} before).
	 * @return the new webhook's signing secret
	 */
	private static String subscribe(Gateway chapter, String chapterId, String email, String webhookUrl) {
		Map<String, Object> subscription = new LinkedHashMap<>();
		subscription.put("topics", List.of("NOMINATIONS", "ENDORSEMENTS", "OUTCOMES"));
		subscription.put("states", List.of());
		if (email != null) {
			subscription.put("email", email);
		}
		subscription.put("webhook", Map.of("url", webhookUrl));
		subscription.put("inbox", true);
		Gateway.Answer answer = await().atMost(DELIVERY)
			.until(() -> chapter.send("PUT", "/api/notifications/subscriptions/" + chapterId, subscription),
					(put) -> put.status() != 404);
		JsonNode subscribed = answer.json(200);
		assertThat(subscribed.path("webhook").path("url").asString()).isEqualTo(webhookUrl);
		String secret = subscribed.path("webhook").path("secret").asString();
		assertThat(secret).startsWith("whsec_");
		return secret;
	}

	private static List<JsonNode> deliveriesAbout(Gateway chapter, String chapterId, String subjectId) {
		return entriesAbout(chapter.get("/api/notifications/deliveries?chapterId=" + chapterId + "&size=100").json(200),
				subjectId);
	}

	private static List<JsonNode> entriesAbout(JsonNode page, String subjectId) {
		List<JsonNode> about = new ArrayList<>();
		page.path("content").forEach((element) -> {
			if (subjectId.equals(element.path("subjectId").asString())) {
				about.add(element);
			}
		});
		return about;
	}

	private static long unreadCount(Gateway chapter, String chapterId) {
		return chapter.get("/api/notifications/inbox/unread-count?chapterId=" + chapterId)
			.json(200)
			.path("unread")
			.asLong();
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/** One Server-Sent Event. */
	record Event(String id, String type, String data) {
	}

	/**
	 * A Server-Sent Events stream read line by line, as a browser's EventSource would,
	 * into a list the test looks at.
	 */
	static final class EventStream implements AutoCloseable {

		private final HttpResponse<Stream<String>> response;

		private final List<String> lines = new CopyOnWriteArrayList<>();

		private EventStream(HttpResponse<Stream<String>> response) {
			this.response = response;
			Thread.ofVirtual().name("event-stream").start(() -> {
				try {
					response.body().forEach(this.lines::add);
				}
				catch (UncheckedIOException ex) {
					// Closed by the test.
				}
			});
		}

		static EventStream open(URI uri, String token) throws Exception {
			HttpRequest request = HttpRequest.newBuilder(uri)
				.header("Accept", "text/event-stream")
				.header("Authorization", "Bearer " + token)
				.GET()
				.build();
			// The answer starts with the service's first comment, at once.
			HttpResponse<Stream<String>> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
				.get(30, TimeUnit.SECONDS);
			return new EventStream(response);
		}

		int status() {
			return this.response.statusCode();
		}

		String contentType() {
			return this.response.headers().firstValue("Content-Type").orElse("");
		}

		List<String> lines() {
			return List.copyOf(this.lines);
		}

		/** The complete events so far: those a blank line ended. */
		List<Event> events() {
			List<Event> events = new ArrayList<>();
			String id = null;
			String type = null;
			StringBuilder data = null;
			for (String line : lines()) {
				if (line.isEmpty()) {
					if (data != null) {
						events.add(new Event(id, (type != null) ? type : "message", data.toString()));
					}
					type = null;
					data = null;
				}
				else if (line.startsWith("id:")) {
					id = value(line);
				}
				else if (line.startsWith("event:")) {
					type = value(line);
				}
				else if (line.startsWith("data:")) {
					data = (data == null) ? new StringBuilder(value(line)) : data.append('\n').append(value(line));
				}
			}
			return events;
		}

		private static String value(String line) {
			String value = line.substring(line.indexOf(':') + 1);
			return value.startsWith(" ") ? value.substring(1) : value;
		}

		@Override
		public void close() {
			this.response.body().close();
		}

	}

}
