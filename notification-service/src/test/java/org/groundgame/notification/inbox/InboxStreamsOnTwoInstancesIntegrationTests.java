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
import java.util.concurrent.TimeUnit;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.notification.MailTestConfiguration;
import org.groundgame.notification.NotificationServiceApplication;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.inbox.domain.InboxEntry;
import org.groundgame.notification.inbox.domain.Recipient;
import org.groundgame.notification.rule.NotificationRules;
import org.groundgame.test.InfrastructureTestConfiguration;
import org.groundgame.test.TestInfrastructure;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The inbox's streams with two instances of the service on the module's one broker and
 * one store, as a cluster runs it: a browser's stream is open on one instance, and the
 * entry is written by the other (whichever consumed the event). Both instances are the
 * whole application, with the integration tests' settings, except that their streams'
 * catch-up (the safety net for an announcement lost) waits an hour: whatever reaches a
 * stream here came by the announcements on the service's topic, or was pushed by the
 * instance that wrote it.
 * <p>
 * Every SSE event a client receives is counted; an exact count is taken when a later
 * entry of the same inbox (a barrier: announced on the same partition, after) has
 * arrived. Endorsements here are in Montana, as in {@link InboxStreamIntegrationTests};
 * each test streams chapters of its own.
 */
class InboxStreamsOnTwoInstancesIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static Instance a;

	private static Instance b;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@BeforeAll
	static void startTwoInstances() throws Exception {
		a = Instance.start();
		b = Instance.start();
		a.awaitHearing(b);
		b.awaitHearing(a);
	}

	@AfterAll
	static void stopThem() {
		if (b != null) {
			b.context.close();
		}
		if (a != null) {
			a.context.close();
		}
	}

	@Test
	void anEntryOneInstanceWroteReachesTheChaptersStreamsOnBothInstancesExactlyOnce() throws Exception {
		String chapter = "chapter-" + UUID.randomUUID();
		String token = TestTokens.chapter(chapter);
		try (SseClient onA = a.open(this.http, chapter, token, null);
				SseClient onB = b.open(this.http, chapter, token, null)) {
			a.awaitOpen(chapter, 1);
			b.awaitOpen(chapter, 1);
			double pushedByA = a.announcements("pushed");
			double pushedByB = b.announcements("pushed");
			double ownReadByB = b.announcements("own");

			InboxEntry entry = b.deliver(granted(chapter));
			InboxEntry barrier = b.deliver(granted(chapter));

			// A has only B's announcements to go by, in the order B wrote them.
			await().atMost(PATIENCE).until(() -> onA.eventIds().contains(barrier.id()));
			assertThat(onA.eventIds()).containsExactly(entry.id(), barrier.id());
			assertThat(a.announcements("pushed")).isEqualTo(pushedByA + 2);
			// Both instances send the same event for the entry.
			await().atMost(PATIENCE).until(() -> onB.eventIds().contains(barrier.id()));
			assertThat(onA.events().get(0)).isEqualTo(onB.events().get(0));

			// Announced after B's own announcements of both, which B passes over: B
			// pushed them once, when it wrote them.
			InboxEntry fromA = a.deliver(granted(chapter));
			await().atMost(PATIENCE).until(() -> onB.eventIds().contains(fromA.id()));
			assertThat(onB.eventIds()).containsExactly(entry.id(), barrier.id(), fromA.id());
			assertThat(b.announcements("own")).isGreaterThanOrEqualTo(ownReadByB + 2);
			assertThat(b.announcements("pushed")).isEqualTo(pushedByB + 1);
		}
	}

	@Test
	void anotherChaptersEntriesNeverReachAChaptersStreamOnEitherInstance() throws Exception {
		String chapter = "chapter-" + UUID.randomUUID();
		String stranger = "chapter-" + UUID.randomUUID();
		try (SseClient chaptersOnA = a.open(this.http, chapter, TestTokens.chapter(chapter), null);
				SseClient strangersOnA = a.open(this.http, stranger, TestTokens.chapter(stranger), null);
				SseClient chaptersOnB = b.open(this.http, chapter, TestTokens.chapter(chapter), null)) {
			a.awaitOpen(chapter, 1);
			a.awaitOpen(stranger, 1);
			b.awaitOpen(chapter, 1);

			// Written for the stranger on B, and on A, announced to both instances.
			InboxEntry strangersFromB = b.deliver(granted(stranger));
			InboxEntry strangersFromA = a.deliver(granted(stranger));
			await().atMost(PATIENCE)
				.until(() -> strangersOnA.eventIds().containsAll(List.of(strangersFromB.id(), strangersFromA.id())));
			InboxEntry barrierFromB = b.deliver(granted(chapter));
			InboxEntry barrierFromA = a.deliver(granted(chapter));

			await().atMost(PATIENCE)
				.until(() -> chaptersOnA.eventIds().containsAll(List.of(barrierFromB.id(), barrierFromA.id())));
			await().atMost(PATIENCE)
				.until(() -> chaptersOnB.eventIds().containsAll(List.of(barrierFromB.id(), barrierFromA.id())));
			assertThat(chaptersOnA.eventIds()).containsExactlyInAnyOrder(barrierFromB.id(), barrierFromA.id());
			assertThat(chaptersOnB.eventIds()).containsExactlyInAnyOrder(barrierFromB.id(), barrierFromA.id());
			assertThat(strangersOnA.eventIds()).containsExactlyInAnyOrder(strangersFromB.id(), strangersFromA.id());
		}
	}

	@Test
	void aBrowserReconnectingToTheOtherInstanceGetsWhatItMissedThenNewEntriesOnce() throws Exception {
		String chapter = "chapter-" + UUID.randomUUID();
		String token = TestTokens.chapter(chapter);
		String lastSeen;
		try (SseClient onB = b.open(this.http, chapter, token, null)) {
			b.awaitOpen(chapter, 1);
			InboxEntry seen = b.deliver(granted(chapter));
			await().atMost(PATIENCE).until(() -> onB.eventIds().contains(seen.id()));
			lastSeen = seen.id();
		}
		// Written by B while the browser is away; both announced to A as well.
		List<String> missed = new ArrayList<>();
		missed.add(b.deliver(granted(chapter)).id());
		missed.add(b.deliver(granted(chapter)).id());

		try (SseClient onA = a.open(this.http, chapter, token, lastSeen)) {
			a.awaitOpen(chapter, 1);
			InboxEntry live = b.deliver(granted(chapter));

			// The announcements of the missed ones came before the live one's, on its
			// partition.
			await().atMost(PATIENCE).until(() -> onA.eventIds().contains(live.id()));
			assertThat(onA.eventIds()).hasSize(3).containsAll(missed).endsWith(live.id());
		}
	}

	@Test
	void theAnnouncementsTopicIsMadeByTheBinderAndKeepsThemBriefly() throws Exception {
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()))) {
			TopicDescription topic = admin.describeTopics(List.of(InboxFanOut.TOPIC))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.get(InboxFanOut.TOPIC);
			ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, InboxFanOut.TOPIC);
			Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);

			// The binder's minimum: keyed by inbox, an inbox's announcements stay in
			// order.
			assertThat(topic.partitions()).hasSize(3);
			assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("600000");
			assertThat(config.get(TopicConfig.SEGMENT_MS_CONFIG).value()).isEqualTo("300000");
			assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("delete");
		}
	}

	private static EndorsementGranted granted(String nominatingChapter) {
		return new EndorsementGranted(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
				"endorsement-" + UUID.randomUUID(), "nomination-" + UUID.randomUUID(), "Jane Example",
				new RaceSummary("State Representative", "STATE", "MT", "80", null, LocalDate.of(2026, 11, 3)),
				nominatingChapter, false);
	}

	/** One instance of the service, started as a deployment starts it. */
	private record Instance(ConfigurableApplicationContext context, URI service) {

		static Instance start() {
			List<String> args = new ArrayList<>();
			for (String property : NotificationServiceIntegrationTest.class.getAnnotation(SpringBootTest.class)
				.properties()) {
				args.add("--" + property);
			}
			args.add("--server.port=0");
			args.add("--groundgame.notification.inbox.stream.catch-up-interval=1h");
			ConfigurableApplicationContext context = SpringApplication.from(NotificationServiceApplication::main)
				.with(InfrastructureTestConfiguration.class, MailTestConfiguration.class)
				.run(args.toArray(String[]::new))
				.getApplicationContext();
			return new Instance(context,
					URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")));
		}

		SseClient open(HttpClient http, String chapter, String token, String lastEventId) throws Exception {
			return SseClient.connect(http, this.service.resolve("/api/notifications/stream?chapterId=" + chapter),
					token, lastEventId);
		}

		/** The announcements this instance read with that outcome, so far. */
		double announcements(String outcome) {
			return this.context.getBean(MeterRegistry.class)
				.get(InboxFanOut.ANNOUNCEMENTS)
				.tag("outcome", outcome)
				.counter()
				.count();
		}

		void awaitOpen(String chapter, int count) {
			InboxStreams streams = this.context.getBean(InboxStreams.class);
			await().atMost(PATIENCE).until(() -> streams.openStreams(Recipient.chapter(chapter)) == count);
		}

		/**
		 * Delivers an event's entries on this instance, as its consumer does; answers the
		 * chapter's entry.
		 */
		InboxEntry deliver(EndorsementGranted granted) {
			Inbox inbox = this.context.getBean(Inbox.class);
			inbox.deliver(NotificationRules.standard().of(EndorsementGranted.class), granted);
			return inbox.entriesOf(Recipient.chapter(granted.nominatingChapterId()), null, 0, 100)
				.stream()
				.filter((entry) -> entry.eventId().equals(granted.eventId()))
				.findFirst()
				.orElseThrow();
		}

		/**
		 * Waits until this instance's reader of the announcements has its place on the
		 * topic (an anonymous group starts at the end: what was announced before is never
		 * read): the other writes until one of its entries reaches a stream here.
		 */
		void awaitHearing(Instance other) throws Exception {
			String chapter = "chapter-" + UUID.randomUUID();
			try (SseClient stream = open(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), chapter,
					TestTokens.chapter(chapter), null)) {
				awaitOpen(chapter, 1);
				await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
					other.deliver(granted(chapter));
					assertThat(stream.events()).isNotEmpty();
				});
			}
		}

	}

}
