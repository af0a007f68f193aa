package org.groundgame.notification.inbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.NominationSubmitted;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.inbox.domain.InboxEntry;
import org.groundgame.notification.inbox.domain.Recipient;
import org.groundgame.notification.rule.NotificationRules;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbox as Server-Sent Events, read over real HTTP connections as a browser's
 * EventSource would. Endorsements here are in Montana, and nominations are for Montana's
 * races: no other test class registers chapters in, follows or endorses in Montana. Each
 * test streams chapters of its own.
 */
@NotificationServiceIntegrationTest
class InboxStreamIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static CloudEventProducer events;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final URI service;

	private final Inbox inbox;

	private final InboxStreams streams;

	private final MongoTemplate mongo;

	@Autowired
	InboxStreamIntegrationTests(@LocalServerPort int port, Inbox inbox, InboxStreams streams, MongoTemplate mongo) {
		this.service = URI.create("http://127.0.0.1:" + port);
		this.inbox = inbox;
		this.streams = streams;
		this.mongo = mongo;
	}

	@BeforeAll
	static void connect() {
		events = new CloudEventProducer();
	}

	@AfterAll
	static void disconnect() {
		events.close();
	}

	@Test
	void newEntryArrivesOnTheChaptersStreamAsItIsDelivered() throws Exception {
		String chapter = "chapter-" + UUID.randomUUID();
		try (SseClient stream = open(chapter, TestTokens.chapter(chapter), null)) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.contentType()).startsWith("text/event-stream");

			EndorsementGranted granted = granted(chapter);
			events.endorsementGranted(granted);

			await().atMost(PATIENCE).until(() -> !stream.events().isEmpty());
			SseClient.Event event = stream.events().get(0);
			assertThat(event.name()).isEqualTo("notification");
			Map<String, Object> entry = data(event);
			assertThat(event.id()).isEqualTo(entry.get("id"));
			assertThat(entry).containsEntry("recipient", "CHAPTER")
				.containsEntry("chapterId", chapter)
				.containsEntry("eventId", granted.eventId())
				.containsEntry("eventType", CloudEventProducer.ENDORSEMENT_GRANTED)
				.containsEntry("title", "Endorsed: Jane Example for State Representative (MT, District 80)")
				.containsEntry("subjectId", granted.endorsementId())
				.containsEntry("occurredAt", granted.occurredAt().toString())
				.containsEntry("read", false)
				.containsKey("deliveredAt");
			assertThat(stream.events()).hasSize(1);
		}
	}

	@Test
	void streamStartsWithACommentAndTheTimeToWaitBeforeReconnecting() throws Exception {
		String chapter = "chapter-" + UUID.randomUUID();
		try (SseClient stream = open(chapter, TestTokens.staff(), null)) {
			await().atMost(PATIENCE).until(() -> !stream.comments().isEmpty());
			assertThat(stream.comments().get(0)).isEqualTo("inbox chapter:" + chapter);
			assertThat(stream.events()).isEmpty();
		}
	}

	@Test
	void reconnectingWithTheLastEventIdGetsExactlyTheEntriesMissedThenNewOnes() throws Exception {
		String chapter = "chapter-" + UUID.randomUUID();
		String token = TestTokens.chapter(chapter);
		Instant base = now();
		String lastSeen;
		try (SseClient first = open(chapter, token, null)) {
			awaitOpen(chapter, 1);
			deliver(granted(chapter, base));
			await().atMost(PATIENCE).until(() -> first.events().size() == 1);
			lastSeen = first.events().get(0).id();
		}
		// The server may not have noticed the first stream gone yet: no matter.
		List<String> missed = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			missed.add(deliver(granted(chapter, base.plusSeconds(i))).id());
		}

		try (SseClient again = open(chapter, token, lastSeen)) {
			await().atMost(PATIENCE).until(() -> again.events().size() >= 3);
			// In the order of delivery: the same millisecond's are ordered by id.
			assertThat(again.eventIds()).containsExactlyInAnyOrderElementsOf(missed);

			String live = deliver(granted(chapter, base.plusSeconds(10))).id();
			await().atMost(PATIENCE).until(() -> again.events().size() >= 4);
			assertThat(again.eventIds()).hasSize(4).endsWith(live);
		}
	}

	@Test
	void polyfillsMayNameTheLastEventInTheQuery() throws Exception {
		String chapter = "chapter-" + UUID.randomUUID();
		InboxEntry seen = deliver(granted(chapter, now()));
		InboxEntry missed = deliver(granted(chapter, now()));

		try (SseClient stream = SseClient.connect(this.http,
				this.service.resolve("/api/notifications/stream?lastEventId=" + seen.id()), TestTokens.chapter(chapter),
				null)) {
			await().atMost(PATIENCE).until(() -> !stream.events().isEmpty());
			assertThat(stream.eventIds()).containsExactly(missed.id());
		}
	}

	@Test
	void aStreamOpenedWithoutLastEventIdStartsWithWhatIsNew() throws Exception {
		String chapter = "chapter-" + UUID.randomUUID();
		InboxEntry before = deliver(granted(chapter, now()));

		try (SseClient stream = open(chapter, TestTokens.chapter(chapter), null)) {
			awaitOpen(chapter, 1);
			InboxEntry after = deliver(granted(chapter, now()));

			await().atMost(PATIENCE).until(() -> !stream.events().isEmpty());
			assertThat(stream.eventIds()).containsExactly(after.id()).doesNotContain(before.id());
		}
	}

	@Test
	void anEntryAnotherInstanceDeliveredIsFoundByTheCatchUpAndNothingIsSentTwice() throws Exception {
		String chapter = "chapter-" + UUID.randomUUID();
		try (SseClient stream = open(chapter, TestTokens.chapter(chapter), null)) {
			awaitOpen(chapter, 1);
			InboxEntry here = deliver(granted(chapter, now()));
			await().atMost(PATIENCE).until(() -> stream.eventIds().contains(here.id()));

			// Written to the store as another instance would: nothing pushes it here.
			InboxEntry elsewhere = InboxEntry.deliver(NotificationRules.standard().of(EndorsementGranted.class),
					granted(chapter, now()), Recipient.chapter(chapter), now());
			this.mongo.insert(InboxEntryDocument.of(elsewhere));

			await().atMost(PATIENCE).until(() -> stream.eventIds().contains(elsewhere.id()));
			// The catch-up saw the entry pushed before it too, and left it.
			assertThat(stream.eventIds()).containsExactly(here.id(), elsewhere.id());
		}
	}

	@Test
	void staffStreamCarriesNewNominationsToReview() throws Exception {
		try (SseClient stream = open(null, TestTokens.staff(), null)) {
			awaitOpen(Recipient.staff(), 1);
			NominationSubmitted submitted = new NominationSubmitted(UUID.randomUUID().toString(), now(),
					"nomination-" + UUID.randomUUID(), "Jane Example", race(), "chapter-" + UUID.randomUUID());
			events.nominationSubmitted(submitted);

			await().atMost(PATIENCE)
				.until(() -> stream.events().stream().anyMatch((event) -> submitted.eventId().equals(eventId(event))));
			assertThat(stream.events())
				.allSatisfy((event) -> assertThat(data(event)).containsEntry("recipient", "STAFF")
					.containsEntry("chapterId", null));
		}
	}

	@Test
	void anotherChaptersStreamIsRefused() throws Exception {
		String chapter = "chapter-" + UUID.randomUUID();
		try (SseClient stream = open(chapter, TestTokens.chapter("chapter-" + UUID.randomUUID()), null)) {
			assertThat(stream.status()).isEqualTo(403);
			assertThat(stream.contentType()).isEqualTo("application/problem+json");
		}
		try (SseClient stream = open(chapter, null, null)) {
			assertThat(stream.status()).isEqualTo(401);
		}
		assertThat(this.streams.openStreams(Recipient.chapter(chapter))).isZero();
	}

	@Test
	void aChaptersLastEventIdFromAnotherInboxReplaysNothing() throws Exception {
		String chapter = "chapter-" + UUID.randomUUID();
		String other = "chapter-" + UUID.randomUUID();
		Instant base = now();
		InboxEntry othersFirst = deliver(granted(other, base));
		deliver(granted(other, base.plusSeconds(1)));

		try (SseClient stream = open(chapter, TestTokens.chapter(chapter), othersFirst.id())) {
			awaitOpen(chapter, 1);
			InboxEntry own = deliver(granted(chapter, base.plusSeconds(2)));
			await().atMost(PATIENCE).until(() -> !stream.events().isEmpty());
			assertThat(stream.eventIds()).containsExactly(own.id());
		}
	}

	@Test
	void aRecipientMayHoldTwentyStreamsAndEveryOneIsReleasedOnDisconnect() throws Exception {
		String chapter = "chapter-" + UUID.randomUUID();
		String token = TestTokens.chapter(chapter);
		List<SseClient> open = new ArrayList<>();
		try {
			for (int i = 0; i < 20; i++) {
				open.add(open(chapter, token, null));
			}
			awaitOpen(chapter, 20);
			try (SseClient refused = open(chapter, token, null)) {
				assertThat(refused.status()).isEqualTo(429);
				assertThat(refused.contentType()).isEqualTo("application/problem+json");
			}
			assertThat(this.streams.openStreams(Recipient.chapter(chapter))).isEqualTo(20);
		}
		finally {
			open.forEach(SseClient::close);
		}
		// A server notices a client gone when it next writes to it: deliver until it has.
		await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			deliver(granted(chapter, now()));
			assertThat(this.streams.openStreams(Recipient.chapter(chapter))).isZero();
		});
		try (SseClient again = open(chapter, token, null)) {
			assertThat(again.status()).isEqualTo(200);
		}
	}

	private SseClient open(String chapter, String token, String lastEventId) throws Exception {
		String path = "/api/notifications/stream" + ((chapter != null) ? "?chapterId=" + chapter : "");
		return SseClient.connect(this.http, this.service.resolve(path), token, lastEventId);
	}

	private void awaitOpen(String chapter, int count) {
		awaitOpen(Recipient.chapter(chapter), count);
	}

	private void awaitOpen(Recipient recipient, int count) {
		await().atMost(PATIENCE).until(() -> this.streams.openStreams(recipient) == count);
	}

	/**
	 * Delivers within this instance, as the consumer does; answers the chapter's entry.
	 */
	private InboxEntry deliver(EndorsementGranted granted) {
		this.inbox.deliver(NotificationRules.standard().of(EndorsementGranted.class), granted);
		return this.inbox.entriesOf(Recipient.chapter(granted.nominatingChapterId()), null, 0, 100)
			.stream()
			.filter((entry) -> entry.eventId().equals(granted.eventId()))
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> data(SseClient.Event event) {
		return json.readValue(event.data(), Map.class);
	}

	private static String eventId(SseClient.Event event) {
		return (String) data(event).get("eventId");
	}

	private static EndorsementGranted granted(String nominatingChapter) {
		return granted(nominatingChapter, now());
	}

	private static EndorsementGranted granted(String nominatingChapter, Instant occurredAt) {
		return new EndorsementGranted(UUID.randomUUID().toString(), occurredAt, "endorsement-" + UUID.randomUUID(),
				"nomination-" + UUID.randomUUID(), "Jane Example", race(), nominatingChapter, false);
	}

	private static RaceSummary race() {
		return new RaceSummary("State Representative", "STATE", "MT", "80", null, LocalDate.of(2026, 11, 3));
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
