package org.groundgame.notification.delivery;

import java.time.LocalDate;
import java.util.UUID;

import org.groundgame.events.EventCatalog;
import org.groundgame.events.endorsement.ElectionOutcomeRecorded;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.events.endorsement.VictoryAnnounced;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.InboxClient;
import org.groundgame.notification.MailTestConfiguration;
import org.groundgame.notification.NotificationFixture;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.chapter.domain.Chapters;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groundgame.notification.NotificationFixture.PATIENCE;

/**
 * A victory reaches the chapters of the race's state that chose to hear of outcomes, by
 * inbox and e-mail, and not those that left outcomes out. Nevada belongs to this class.
 */
@NotificationServiceIntegrationTest
class OutcomeIntegrationTests {

	private static final String STATE = "NV";

	private final int port;

	private final Chapters chapters;

	@Autowired
	OutcomeIntegrationTests(@LocalServerPort int port, Chapters chapters) {
		this.port = port;
		this.chapters = chapters;
	}

	@Test
	void aVictoryReachesTheChaptersThatChoseOutcomes() {
		try (CloudEventProducer events = new CloudEventProducer()) {
			NotificationFixture fixture = new NotificationFixture(this.port, this.chapters, events);
			InboxClient inboxes = new InboxClient(
					RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build());
			String reno = fixture.registerChapter(STATE);
			String lasVegas = fixture.registerChapter(STATE);
			fixture.subscribe(lasVegas, """
					{"topics":["ENDORSEMENTS"],"inbox":true}""");
			ElectionOutcomeRecorded won = new ElectionOutcomeRecorded(UUID.randomUUID().toString(),
					NotificationFixture.now(), "endorsement-" + UUID.randomUUID(), "nomination-" + UUID.randomUUID(),
					"Sam Rivera",
					new RaceSummary("State Senator", "STATE", STATE, "4", null, LocalDate.of(2026, 11, 3)), null,
					"WON");

			events.publish(CloudEventProducer.ENDORSEMENT_TOPIC, EventCatalog.typeOf(ElectionOutcomeRecorded.class),
					"/groundgame/endorsement-service", won);
			// Same endorsement, same partition: once this one is in, the victory was
			// handled.
			var barrier = NotificationFixture.granted(STATE, won.endorsementId());
			events.endorsementGranted(barrier);

			await().atMost(PATIENCE)
				.untilAsserted(() -> assertThat(inboxes.inboxOf(lasVegas).entriesOf(barrier.eventId())).hasSize(1));
			assertThat(inboxes.inboxOf(reno).entriesOf(won.eventId())).singleElement()
				.satisfies((entry) -> assertThat(entry.title())
					.isEqualTo("Victory: Sam Rivera won State Senator (NV, District 4)"));
			assertThat(inboxes.inboxOf(lasVegas).entriesOf(won.eventId())).isEmpty();
			await().atMost(PATIENCE)
				.untilAsserted(
						() -> assertThat(MailTestConfiguration.receivedBy(NotificationFixture.contactEmailOf(reno)))
							.anySatisfy((mail) -> assertThat(mail.getSubject()).startsWith("Victory: Sam Rivera")));
		}
	}

	@Test
	void aVictoryAnnouncementReachesThemInStaffsWords() {
		try (CloudEventProducer events = new CloudEventProducer()) {
			NotificationFixture fixture = new NotificationFixture(this.port, this.chapters, events);
			InboxClient inboxes = new InboxClient(
					RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build());
			String carsonCity = fixture.registerChapter(STATE);
			String elko = fixture.registerChapter(STATE);
			fixture.subscribe(elko, """
					{"topics":["ENDORSEMENTS"],"inbox":true}""");
			String headline = "Sam Rivera wins Senate District 4 " + UUID.randomUUID();
			VictoryAnnounced announced = new VictoryAnnounced(UUID.randomUUID().toString(), NotificationFixture.now(),
					"endorsement-" + UUID.randomUUID(), "nomination-" + UUID.randomUUID(), "Sam Rivera",
					new RaceSummary("State Senator", "STATE", STATE, "4", null, LocalDate.of(2026, 11, 3)), null,
					"candidate-1", headline, "Thank you to the 212 volunteers who knocked on 9,000 doors.");

			events.publish(CloudEventProducer.ENDORSEMENT_TOPIC, EventCatalog.typeOf(VictoryAnnounced.class),
					"/groundgame/endorsement-service", announced);
			// Same endorsement, same partition: once this one is in, the announcement was
			// handled.
			var barrier = NotificationFixture.granted(STATE, announced.endorsementId());
			events.endorsementGranted(barrier);

			await().atMost(PATIENCE)
				.untilAsserted(() -> assertThat(inboxes.inboxOf(elko).entriesOf(barrier.eventId())).hasSize(1));
			assertThat(inboxes.inboxOf(carsonCity).entriesOf(announced.eventId())).singleElement()
				.satisfies((entry) -> assertThat(entry.title()).isEqualTo(headline));
			assertThat(inboxes.inboxOf(elko).entriesOf(announced.eventId())).isEmpty();
			await().atMost(PATIENCE)
				.untilAsserted(() -> assertThat(
						MailTestConfiguration.receivedBy(NotificationFixture.contactEmailOf(carsonCity)))
					.anySatisfy((mail) -> assertThat(mail.getSubject()).isEqualTo(headline)));
		}
	}

}
