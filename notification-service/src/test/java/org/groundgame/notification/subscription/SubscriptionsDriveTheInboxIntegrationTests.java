package org.groundgame.notification.subscription;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.groundgame.events.endorsement.EndorsementGranted;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.events.volunteer.ChapterRegistered;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.InboxClient;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.chapter.domain.Chapters;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscriptions decide whose inbox an event reaches, end to end: chapters registered and
 * an endorsement granted over the real broker, subscriptions changed and inboxes read
 * over HTTP. Vermont and New Hampshire belong to this class: no other test class
 * registers chapters there, follows them or endorses there.
 */
@NotificationServiceIntegrationTest
class SubscriptionsDriveTheInboxIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private final RestTestClient http;

	private final InboxClient inboxes;

	private final Chapters chapters;

	@Autowired
	SubscriptionsDriveTheInboxIntegrationTests(@LocalServerPort int port, Chapters chapters) {
		this.http = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
		this.inboxes = new InboxClient(this.http);
		this.chapters = chapters;
	}

	@Test
	void endorsementReachesChaptersFollowingTheStateAndNotThoseThatOptedOut() {
		try (CloudEventProducer events = new CloudEventProducer()) {
			String burlington = register(events, "VT");
			String montpelier = register(events, "VT");
			String rutland = register(events, "VT");
			String concord = register(events, "NH");
			String nashua = register(events, "NH");
			await().atMost(PATIENCE)
				.untilAsserted(() -> List.of(burlington, montpelier, rutland, concord, nashua)
					.forEach((id) -> assertThat(this.chapters.byId(id)).isPresent()));
			subscribe(concord, """
					{"topics":["ENDORSEMENTS"],"states":["VT"],"inbox":true}""");
			subscribe(montpelier, """
					{"topics":["NOMINATIONS","OUTCOMES","VOLUNTEERS","TRAINING"],"inbox":true}""");
			subscribe(rutland, """
					{"topics":["ENDORSEMENTS","NOMINATIONS"],"inbox":false}""");
			String barrier = "chapter-" + UUID.randomUUID();

			EndorsementGranted granted = granted("VT", null, "endorsement-" + UUID.randomUUID());
			events.endorsementGranted(granted);
			// Same endorsement, so the same partition: once this one is in the barrier
			// chapter's inbox, the first has been delivered to everyone it reaches.
			events.endorsementGranted(granted("GU", barrier, granted.endorsementId()));

			await().atMost(PATIENCE)
				.untilAsserted(() -> assertThat(this.inboxes.inboxOf(barrier).content()).hasSize(1));
			assertThat(this.inboxes.inboxOf(burlington).entriesOf(granted.eventId())).hasSize(1);
			assertThat(this.inboxes.inboxOf(concord).entriesOf(granted.eventId())).hasSize(1);
			assertThat(this.inboxes.inboxOf(montpelier).content()).isEmpty();
			assertThat(this.inboxes.inboxOf(rutland).content()).isEmpty();
			assertThat(this.inboxes.inboxOf(nashua).content()).isEmpty();
		}
	}

	private String register(CloudEventProducer events, String state) {
		String chapterId = "chapter-" + UUID.randomUUID();
		events.chapterRegistered(new ChapterRegistered(UUID.randomUUID().toString(), now(), chapterId,
				"Chapter " + chapterId, state, "Somewhere", "organizers@" + chapterId + ".example"));
		return chapterId;
	}

	private void subscribe(String chapterId, String subscription) {
		this.http.put()
			.uri("/api/notifications/subscriptions/{chapterId}", chapterId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.chapter(chapterId))
			.contentType(MediaType.APPLICATION_JSON)
			.body(subscription)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private static EndorsementGranted granted(String state, String nominatingChapterId, String endorsementId) {
		return new EndorsementGranted(UUID.randomUUID().toString(), now(), endorsementId,
				"nomination-" + UUID.randomUUID(), "Jane Example",
				new RaceSummary("State Senator", "STATE", state, "5", null, LocalDate.of(2026, 11, 3)),
				nominatingChapterId, false);
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
