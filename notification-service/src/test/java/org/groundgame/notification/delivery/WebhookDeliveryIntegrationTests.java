package org.groundgame.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.jayway.jsonpath.JsonPath;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.NotificationFixture;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.WebhookReceiver;
import org.groundgame.notification.WebhookReceiver.Answer;
import org.groundgame.notification.WebhookReceiver.Received;
import org.groundgame.notification.chapter.domain.Chapters;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groundgame.notification.NotificationFixture.PATIENCE;
import static org.groundgame.notification.NotificationFixture.granted;

/**
 * Chapters' webhooks end to end: events over the real broker, a real HTTP receiver on
 * 127.0.0.1, the delivery log over HTTP. Signatures are checked here with the JDK's HMAC
 * from the Standard Webhooks text, not with the code that signs them. Oregon belongs to
 * this class.
 */
@NotificationServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class WebhookDeliveryIntegrationTests {

	private static final String STATE = "OR";

	private final NotificationFixture fixture;

	private final CloudEventProducer events = new CloudEventProducer();

	private final WebhookReceiver receiver = new WebhookReceiver();

	private final MongoTemplate mongo;

	@Autowired
	WebhookDeliveryIntegrationTests(@LocalServerPort int port, Chapters chapters, MongoTemplate mongo) {
		this.fixture = new NotificationFixture(port, chapters, this.events);
		this.mongo = mongo;
	}

	@AfterAll
	void close() {
		this.receiver.close();
		this.events.close();
	}

	private String subscribeWebhook(String chapterId, String path) {
		String response = this.fixture.subscribe(chapterId, """
				{"topics":["ENDORSEMENTS"],"webhook":{"url":"%s"},"inbox":true}""".formatted(this.receiver.url(path)));
		return JsonPath.read(response, "$.webhook.secret");
	}

	@Test
	void anEndorsementReachesTheWebhookOnceAsASignedCloudEvent() {
		String chapterId = this.fixture.registerChapter(STATE);
		String path = "/once/" + chapterId;
		String secret = subscribeWebhook(chapterId, path);
		EndorsementGranted granted = granted(STATE, "endorsement-" + UUID.randomUUID());

		this.events.endorsementGranted(granted);
		this.events.endorsementGranted(granted);
		// Same endorsement, same partition: once this one has arrived, so has any
		// duplicate.
		EndorsementGranted barrier = granted(STATE, granted.endorsementId());
		this.events.endorsementGranted(barrier);

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(this.receiver.receivedAt(path)).hasSize(2));
		Received first = this.receiver.receivedAt(path).get(0);
		assertThat(first.header("content-type")).startsWith("application/cloudevents+json");
		assertThat(JsonPath.<String>read(first.body(), "$.specversion")).isEqualTo("1.0");
		assertThat(JsonPath.<String>read(first.body(), "$.id")).isEqualTo(granted.eventId());
		assertThat(JsonPath.<String>read(first.body(), "$.type"))
			.isEqualTo("org.groundgame.endorsement.EndorsementGranted.v1");
		assertThat(JsonPath.<String>read(first.body(), "$.source")).isEqualTo("/groundgame/endorsement-service");
		assertThat(JsonPath.<String>read(first.body(), "$.subject")).isEqualTo(granted.endorsementId());
		assertThat(JsonPath.<String>read(first.body(), "$.data.candidateName")).isEqualTo("Jane Example");
		assertThat(signaturesVerifiedBy(first, secret)).isEqualTo(1);
		assertThat(this.receiver.receivedAt(path)).extracting((request) -> request.header("webhook-id"))
			.doesNotHaveDuplicates();

		await().atMost(PATIENCE).untilAsserted(() -> {
			String log = this.fixture
				.call(HttpMethod.GET, "/api/notifications/deliveries?channel=WEBHOOK", TestTokens.chapter(chapterId),
						null)
				.getResponseBody();
			assertThat(JsonPath.<List<String>>read(log, "$.content[*].status")).containsOnly("DELIVERED").hasSize(2);
			assertThat(JsonPath.<List<Integer>>read(log, "$.content[*].attempts[0].statusCode")).containsOnly(204);
			assertThat(JsonPath.<List<String>>read(log, "$.content[*].id")).contains(first.header("webhook-id"));
		});
	}

	@Test
	void aFailingEndpointIsRetriedOnTheScheduleAndThenByHand() {
		String chapterId = this.fixture.registerChapter(STATE);
		String path = "/failing/" + chapterId;
		subscribeWebhook(chapterId, path);
		this.receiver.answer(path, Answer.status(503));

		this.events.endorsementGranted(granted(STATE, "endorsement-" + UUID.randomUUID()));

		// The tests' schedule: at once, 300 ms, 300 ms; then the delivery has failed.
		String deliveryId = await().atMost(PATIENCE).until(() -> onlyDelivery(chapterId, "FAILED"), (id) -> id != null);
		assertThat(this.receiver.receivedAt(path)).hasSize(3);
		this.receiver.answer(path, Answer.status(200));

		EntityExchangeResult<String> retried = this.fixture.call(HttpMethod.POST,
				"/api/notifications/deliveries/" + deliveryId + "/retry", TestTokens.chapter(chapterId), null);
		assertThat(retried.getStatus().value()).isEqualTo(202);

		await().atMost(PATIENCE).until(() -> onlyDelivery(chapterId, "DELIVERED"), (id) -> id != null);
		String delivery = this.fixture
			.call(HttpMethod.GET, "/api/notifications/deliveries/" + deliveryId, TestTokens.staff(), null)
			.getResponseBody();
		assertThat(JsonPath.<List<Integer>>read(delivery, "$.attempts[*].statusCode")).containsExactly(503, 503, 503,
				200);
		assertThat(this.receiver.receivedAt(path)).extracting((request) -> request.header("webhook-id"))
			.containsOnly(deliveryId);

		EntityExchangeResult<String> again = this.fixture.call(HttpMethod.POST,
				"/api/notifications/deliveries/" + deliveryId + "/retry", TestTokens.chapter(chapterId), null);
		assertThat(again.getStatus().value()).isEqualTo(409);
	}

	@Test
	void retryAfterIsHonoured() {
		String chapterId = this.fixture.registerChapter(STATE);
		String path = "/busy/" + chapterId;
		subscribeWebhook(chapterId, path);
		this.receiver.answer(path, new Answer(429, "2", null));

		this.events.endorsementGranted(granted(STATE, "endorsement-" + UUID.randomUUID()));

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(this.receiver.receivedAt(path)).hasSize(1));
		this.receiver.answer(path, Answer.status(204));
		String deliveryId = await().atMost(PATIENCE)
			.until(() -> onlyDelivery(chapterId, "DELIVERED"), (id) -> id != null);
		String delivery = this.fixture
			.call(HttpMethod.GET, "/api/notifications/deliveries/" + deliveryId, TestTokens.staff(), null)
			.getResponseBody();
		List<String> at = JsonPath.read(delivery, "$.attempts[*].at");
		assertThat(at).hasSize(2);
		assertThat(Duration.between(Instant.parse(at.get(0)), Instant.parse(at.get(1))))
			.isGreaterThanOrEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void goneDisablesTheEndpointAndLaterEventsAreNotSentToIt() {
		String chapterId = this.fixture.registerChapter(STATE);
		String path = "/gone/" + chapterId;
		subscribeWebhook(chapterId, path);
		this.receiver.answer(path, Answer.status(410));

		EndorsementGranted first = granted(STATE, "endorsement-" + UUID.randomUUID());
		this.events.endorsementGranted(first);

		await().atMost(PATIENCE).until(() -> onlyDelivery(chapterId, "FAILED"), (id) -> id != null);
		String subscription = this.fixture
			.call(HttpMethod.GET, "/api/notifications/subscriptions/" + chapterId, TestTokens.chapter(chapterId), null)
			.getResponseBody();
		assertThat(JsonPath.<Boolean>read(subscription, "$.webhook.enabled")).isFalse();
		assertThat(JsonPath.<String>read(subscription, "$.webhook.disabledReason")).contains("410");
		assertThat(this.receiver.receivedAt(path)).hasSize(1);
		String inbox = this.fixture
			.call(HttpMethod.GET, "/api/notifications/inbox", TestTokens.chapter(chapterId), null)
			.getResponseBody();
		assertThat(JsonPath.<List<String>>read(inbox, "$.content[*].title")).contains("Your webhook was disabled");
		assertThat(JsonPath.<List<String>>read(inbox,
				"$.content[?(@.eventType == '" + "org.groundgame.notification.WebhookDisabled.v1')].body"))
			.singleElement()
			.asString()
			.contains("410 Gone");

		EntityExchangeResult<String> test = this.fixture.call(HttpMethod.POST,
				"/api/notifications/subscriptions/" + chapterId + "/webhook/test", TestTokens.chapter(chapterId), null);
		assertThat(test.getStatus().value()).isEqualTo(409);

		this.receiver.answer(path, Answer.status(204));
		this.fixture.subscribe(chapterId, """
				{"topics":["ENDORSEMENTS"],"webhook":{"url":"%s","enabled":true},"inbox":true}"""
			.formatted(this.receiver.url(path)));
		EntityExchangeResult<String> testAgain = this.fixture.call(HttpMethod.POST,
				"/api/notifications/subscriptions/" + chapterId + "/webhook/test", TestTokens.chapter(chapterId), null);
		assertThat(testAgain.getStatus().value()).isEqualTo(200);
		assertThat(JsonPath.<String>read(testAgain.getResponseBody(), "$.status")).isEqualTo("DELIVERED");
		assertThat(JsonPath.<String>read(this.receiver.receivedAt(path).get(1).body(), "$.type"))
			.isEqualTo("org.groundgame.notification.WebhookTest.v1");
	}

	@Test
	void aRotatedSecretSignsBesideTheOldOneAndReplaySendsTheSameMessagesAgain() {
		String chapterId = this.fixture.registerChapter(STATE);
		String path = "/rotation/" + chapterId;
		String oldSecret = subscribeWebhook(chapterId, path);
		Instant before = NotificationFixture.now().minusSeconds(1);
		this.events.endorsementGranted(granted(STATE, "endorsement-" + UUID.randomUUID()));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(this.receiver.receivedAt(path)).hasSize(1));

		EntityExchangeResult<String> rotated = this.fixture.call(HttpMethod.POST,
				"/api/notifications/subscriptions/" + chapterId + "/webhook/secret", TestTokens.chapter(chapterId),
				null);
		assertThat(rotated.getStatus().value()).isEqualTo(200);
		String newSecret = JsonPath.read(rotated.getResponseBody(), "$.secret");
		assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
		assertThat(JsonPath.<String>read(rotated.getResponseBody(), "$.previousSecretExpiresAt")).isNotNull();
		org.bson.Document stored = this.mongo.getCollection("subscriptions")
			.find(new org.bson.Document("_id", chapterId))
			.first();
		assertThat(stored.getString("webhookSecret")).startsWith("{kek:").doesNotContain(newSecret.substring(6));
		assertThat(stored.getList("webhookRetiredSecrets", org.bson.Document.class)).singleElement()
			.satisfies((retired) -> assertThat(retired.getString("secret")).startsWith("{kek:")
				.doesNotContain(oldSecret.substring(6)));

		EntityExchangeResult<String> replay = this.fixture.call(HttpMethod.POST,
				"/api/notifications/subscriptions/" + chapterId + "/webhook/replay", TestTokens.chapter(chapterId),
				"{\"since\":\"" + before + "\"}");
		assertThat(replay.getStatus().value()).isEqualTo(202);
		assertThat(JsonPath.<Integer>read(replay.getResponseBody(), "$.replayed")).isEqualTo(1);

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(this.receiver.receivedAt(path)).hasSize(2));
		Received original = this.receiver.receivedAt(path).get(0);
		Received replayed = this.receiver.receivedAt(path).get(1);
		assertThat(replayed.header("webhook-id")).isEqualTo(original.header("webhook-id"));
		assertThat(replayed.body()).isEqualTo(original.body());
		assertThat(signaturesVerifiedBy(replayed, newSecret)).isEqualTo(1);
		assertThat(signaturesVerifiedBy(replayed, oldSecret)).isEqualTo(1);
		assertThat(replayed.header("webhook-signature").split(" ")).hasSize(2);
	}

	@Test
	void aChapterSeesOnlyItsOwnDeliveries() {
		List<String> chapters = this.fixture.registerChapters(STATE, 2);
		String mine = chapters.get(0);
		String theirs = chapters.get(1);
		subscribeWebhook(theirs, "/theirs/" + theirs);
		this.events.endorsementGranted(granted(STATE, "endorsement-" + UUID.randomUUID()));
		String theirDelivery = await().atMost(PATIENCE)
			.until(() -> onlyDelivery(theirs, "DELIVERED"), (id) -> id != null);

		assertThat(this.fixture
			.call(HttpMethod.GET, "/api/notifications/deliveries?chapterId=" + theirs, TestTokens.chapter(mine), null)
			.getStatus()
			.value()).isEqualTo(403);
		assertThat(this.fixture
			.call(HttpMethod.GET, "/api/notifications/deliveries/" + theirDelivery, TestTokens.chapter(mine), null)
			.getStatus()
			.value()).isEqualTo(403);
		assertThat(this.fixture
			.call(HttpMethod.POST, "/api/notifications/deliveries/" + theirDelivery + "/retry",
					TestTokens.chapter(mine), null)
			.getStatus()
			.value()).isEqualTo(403);
		String own = this.fixture
			.call(HttpMethod.GET, "/api/notifications/deliveries?channel=WEBHOOK", TestTokens.chapter(mine), null)
			.getResponseBody();
		assertThat(JsonPath.<List<String>>read(own, "$.content")).isEmpty();
		assertThat(this.fixture
			.call(HttpMethod.GET, "/api/notifications/deliveries/" + UUID.randomUUID(), TestTokens.staff(), null)
			.getStatus()
			.value()).isEqualTo(404);
		assertThat(
				this.fixture.call(HttpMethod.GET, "/api/notifications/deliveries?status=LOST", TestTokens.staff(), null)
					.getStatus()
					.value())
			.isEqualTo(400);
		assertThat(this.fixture.call(HttpMethod.GET, "/api/notifications/deliveries", null, null).getStatus().value())
			.isEqualTo(401);
		for (String call : List.of("test", "replay", "secret")) {
			assertThat(this.fixture
				.call(HttpMethod.POST, "/api/notifications/subscriptions/no-such-chapter/webhook/" + call,
						TestTokens.staff(), call.equals("replay") ? "{\"since\":\"2026-01-01T00:00:00Z\"}" : null)
				.getStatus()
				.value()).as(call).isEqualTo(404);
		}
	}

	/**
	 * The id of the chapter's one webhook delivery, once it has this status; else null.
	 */
	private String onlyDelivery(String chapterId, String status) {
		String log = this.fixture
			.call(HttpMethod.GET, "/api/notifications/deliveries?channel=WEBHOOK&chapterId=" + chapterId,
					TestTokens.staff(), null)
			.getResponseBody();
		List<String> statuses = JsonPath.read(log, "$.content[*].status");
		if (statuses.size() != 1 || !statuses.get(0).equals(status)) {
			return null;
		}
		return JsonPath.<List<String>>read(log, "$.content[*].id").get(0);
	}

	/**
	 * How many of the request's signatures verify with a secret, computed from the
	 * Standard Webhooks text: {@code v1,} + base64(HMAC-SHA256(key, id.timestamp.body)),
	 * where the key is the base64 after {@code whsec_}.
	 */
	static long signaturesVerifiedBy(Received request, String secret) {
		byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
		Mac mac;
		try {
			mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		String signed = request.header("webhook-id") + "." + request.header("webhook-timestamp") + "." + request.body();
		String expected = "v1,"
				+ Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
		Set<String> given = Arrays.stream(request.header("webhook-signature").split(" ")).collect(Collectors.toSet());
		long timestamp = Long.parseLong(request.header("webhook-timestamp"));
		assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(300);
		return given.contains(expected) ? 1 : 0;
	}

}
