package org.groundgame.notification.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.NominationSubmitted;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.InboxClient.Entry;
import org.groundgame.notification.InboxClient.InboxPage;
import org.groundgame.notification.InboxClient;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.chapter.domain.ChapterDirectory;
import org.groundgame.notification.rule.NotificationRule;
import org.groundgame.notification.rule.NotificationRules;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbox end to end within the service: CloudEvents published to the real broker,
 * entries read back over HTTP. Each test uses its own chapters, and its own states where
 * it targets chapters by state (no other test class registers chapters in them), since
 * the broker and the store outlive each test.
 */
@NotificationServiceIntegrationTest
class InboxIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static CloudEventProducer events;

	private final RestTestClient http;

	private final InboxClient inboxes;

	private final ChapterDirectory chapters;

	private final Inbox inbox;

	private final MeterRegistry meters;

	private final MongoTemplate mongo;

	@Autowired
	InboxIntegrationTests(@LocalServerPort int port, ChapterDirectory chapters, Inbox inbox, MeterRegistry meters,
			MongoTemplate mongo) {
		this.http = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
		this.inboxes = new InboxClient(this.http);
		this.chapters = chapters;
		this.inbox = inbox;
		this.meters = meters;
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
	void endorsementReachesEveryChapterOfTheRaceStateAndTheNominatingChapterOnce() {
		String stLouis = register("MO");
		String columbia = register("MO");
		String wichita = register("KS");
		String lawrence = register("KS");
		awaitChapters("MO", stLouis, columbia);
		awaitChapters("KS", wichita, lawrence);
		double deliveredBefore = deliveries("delivered");
		long timedBefore = latency().count();

		EndorsementGranted granted = granted(race("MO"), wichita);
		events.endorsementGranted(granted);

		await().atMost(PATIENCE).untilAsserted(() -> {
			for (String chapter : List.of(stLouis, columbia, wichita)) {
				assertThat(this.inboxes.inboxOf(chapter).entriesOf(granted.eventId())).hasSize(1);
			}
		});
		assertThat(this.inboxes.inboxOf(lawrence).content()).isEmpty();
		Entry entry = this.inboxes.inboxOf(columbia).content().get(0);
		assertThat(entry.chapterId()).isEqualTo(columbia);
		assertThat(entry.eventType()).isEqualTo(CloudEventProducer.ENDORSEMENT_GRANTED);
		assertThat(entry.title()).isEqualTo("Endorsed: Jane Example for State Representative (MO, District 80)");
		assertThat(entry.body()).contains("Jane Example").doesNotContain("@");
		assertThat(entry.subjectId()).isEqualTo(granted.endorsementId());
		assertThat(entry.occurredAt()).isEqualTo(granted.occurredAt());
		assertThat(entry.deliveredAt()).isAfterOrEqualTo(granted.occurredAt());
		assertThat(entry.read()).isFalse();
		assertThat(deliveries("delivered") - deliveredBefore).isEqualTo(3);
		assertThat(latency().count() - timedBefore).isEqualTo(3);
	}

	@Test
	void redeliveredEndorsementLeavesOneEntryPerChapter() {
		String desMoines = register("IA");
		awaitChapters("IA", desMoines);
		EndorsementGranted granted = granted(race("IA"), null);
		double duplicatesBefore = consumed(CloudEventProducer.ENDORSEMENT_GRANTED, "duplicate");

		events.endorsementGranted(granted);
		events.endorsementGranted(granted);

		await().atMost(PATIENCE)
			.until(() -> consumed(CloudEventProducer.ENDORSEMENT_GRANTED, "duplicate") > duplicatesBefore);
		assertThat(this.inboxes.inboxOf(desMoines).entriesOf(granted.eventId())).hasSize(1);
	}

	@Test
	void notificationAlreadyInTheInboxIsNotDeliveredAgain() {
		// What happens when an event is applied again after its effect but before it was
		// recorded as done (a crash in between): the entry's own key keeps it single.
		String omaha = "chapter-" + UUID.randomUUID();
		EndorsementGranted granted = granted(race("NE"), omaha);
		NotificationRule<EndorsementGranted> rule = NotificationRules.standard().of(EndorsementGranted.class);
		double duplicatesBefore = deliveries("duplicate");

		this.inbox.deliver(rule, granted);
		this.inbox.deliver(rule, granted);

		assertThat(this.inboxes.inboxOf(omaha).content()).singleElement()
			.satisfies((entry) -> assertThat(entry.eventId()).isEqualTo(granted.eventId()));
		assertThat(deliveries("duplicate") - duplicatesBefore).isEqualTo(1);
	}

	@Test
	void storeKeepsOneEntryPerEventAndRecipient() {
		assertThat(this.mongo.indexOps(InboxEntryDocument.class).getIndexInfo())
			.filteredOn((index) -> index.getIndexFields()
				.stream()
				.map(IndexField::getKey)
				.toList()
				.equals(List.of("eventId", "recipient")))
			.singleElement()
			.satisfies((index) -> assertThat(index.isUnique()).isTrue());
	}

	@Test
	void eventOfAnUnknownTypeIsIgnoredAndTheEventsBehindItAreProcessed() {
		String nominating = "chapter-" + UUID.randomUUID();
		EndorsementGranted granted = granted(race("AR"), nominating);
		// Same key, so the same partition: the unknown event is strictly ahead of the
		// known one.
		events.publish(CloudEventProducer.ENDORSEMENT_TOPIC, "org.groundgame.endorsement.EndorsementRenamed.v7",
				"/groundgame/endorsement-service", UUID.randomUUID().toString(), granted.endorsementId(),
				Instant.now().toString(), "{\"not\": \"an event we know\"".getBytes(StandardCharsets.UTF_8));
		events.endorsementGranted(granted);

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.inboxes.inboxOf(nominating).entriesOf(granted.eventId())).hasSize(1));
	}

	@Test
	void nominatingChapterGetsAnAcknowledgement() {
		String kansasCity = "chapter-" + UUID.randomUUID();
		NominationSubmitted submitted = new NominationSubmitted(UUID.randomUUID().toString(), now(),
				"nomination-" + UUID.randomUUID(), "Jane Example", race("MO"), kansasCity);

		events.nominationSubmitted(submitted);

		await().atMost(PATIENCE)
			.untilAsserted(
					() -> assertThat(this.inboxes.inboxOf(kansasCity).content()).singleElement().satisfies((entry) -> {
						assertThat(entry.eventType()).isEqualTo(CloudEventProducer.NOMINATION_SUBMITTED);
						assertThat(entry.title())
							.isEqualTo("Nomination received: Jane Example for State Representative (MO, District 80)");
						assertThat(entry.subjectId()).isEqualTo(submitted.nominationId());
					}));
	}

	@Test
	void inboxIsPagedNewestFirst() {
		String chapter = "chapter-" + UUID.randomUUID();
		Instant first = now().minus(3, ChronoUnit.HOURS);
		NotificationRule<EndorsementGranted> rule = NotificationRules.standard().of(EndorsementGranted.class);
		List<EndorsementGranted> oldestFirst = List.of(granted(race("OK"), chapter, first),
				granted(race("OK"), chapter, first.plus(1, ChronoUnit.HOURS)),
				granted(race("OK"), chapter, first.plus(2, ChronoUnit.HOURS)));
		oldestFirst.forEach((event) -> this.inbox.deliver(rule, event));

		InboxPage firstPage = this.inboxes.inboxOf(chapter, 0, 2);
		InboxPage secondPage = this.inboxes.inboxOf(chapter, 1, 2);

		assertThat(firstPage.content()).extracting(Entry::eventId)
			.containsExactly(oldestFirst.get(2).eventId(), oldestFirst.get(1).eventId());
		assertThat(secondPage.content()).extracting(Entry::eventId).containsExactly(oldestFirst.get(0).eventId());
		assertThat(firstPage.page()).isEqualTo(new InboxClient.Page(0, 2, 3, 2));
		this.http.get()
			.uri("/api/notifications/inbox?chapterId={chapterId}", chapter)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.chapter(chapter))
			.exchange()
			.expectBody()
			.jsonPath("$.content[2].occurredAt")
			.isEqualTo(first.toString())
			.jsonPath("$.page.size")
			.isEqualTo(20);
	}

	@Test
	void staffAskingForNoChapterReadTheirOwnInbox() {
		this.http.get()
			.uri("/api/notifications/inbox")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[?(@.recipient != 'STAFF')]")
			.isEmpty()
			.jsonPath("$.content[?(@.chapterId != null)]")
			.isEmpty();
	}

	private String register(String state) {
		String chapterId = "chapter-" + UUID.randomUUID();
		events.chapterRegistered(new ChapterRegistered(UUID.randomUUID().toString(), now(), chapterId,
				"Chapter " + chapterId, state, "Somewhere", "organizers@" + chapterId + ".example"));
		return chapterId;
	}

	private void awaitChapters(String state, String... chapterIds) {
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.chapters.chapterIdsIn(state)).contains(chapterIds));
	}

	private static EndorsementGranted granted(RaceSummary race, String nominatingChapterId) {
		return granted(race, nominatingChapterId, now());
	}

	private static EndorsementGranted granted(RaceSummary race, String nominatingChapterId, Instant occurredAt) {
		return new EndorsementGranted(UUID.randomUUID().toString(), occurredAt, "endorsement-" + UUID.randomUUID(),
				"nomination-" + UUID.randomUUID(), "Jane Example", race, nominatingChapterId, false);
	}

	private static RaceSummary race(String state) {
		return new RaceSummary("State Representative", "STATE", state, "80", null, LocalDate.of(2026, 11, 3));
	}

	/** Millisecond precision, as the store keeps times. */
	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	private double deliveries(String outcome) {
		Counter counter = this.meters.find("groundgame.notification.deliveries")
			.tags("channel", "inbox", "outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private Timer latency() {
		return this.meters.get("groundgame.notification.delivery.latency").tags("channel", "inbox").timer();
	}

	private double consumed(String type, String outcome) {
		Counter counter = this.meters.find("groundgame.events.consumed")
			.tags("consumer", "notifications", "type", type, "outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

}
