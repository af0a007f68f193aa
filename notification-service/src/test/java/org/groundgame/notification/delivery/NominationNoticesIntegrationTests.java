package org.groundgame.notification.delivery;

import java.time.LocalDate;
import java.util.UUID;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.events.endorsement.NominationExpired;
import org.groundgame.events.endorsement.NominationWithdrawn;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.InboxClient;
import org.groundgame.notification.MailTestConfiguration;
import org.groundgame.notification.NotificationFixture;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.chapter.domain.Chapters;
import org.groundgame.test.security.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groundgame.notification.NotificationFixture.PATIENCE;

/**
 * A nomination's progress over the real broker: a withdrawal reaches staff's inbox and
 * the nominating chapter by inbox and e-mail, under {@code NOMINATIONS}, so a chapter
 * that left that topic out hears nothing of its own nomination's withdrawal or expiry, by
 * inbox or e-mail. Hawaii belongs to this class.
 */
@NotificationServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class NominationNoticesIntegrationTests {

	private static final String STATE = "HI";

	private final NotificationFixture fixture;

	private final RestTestClient http;

	private final InboxClient inboxes;

	private final CloudEventProducer events = new CloudEventProducer();

	private final MongoTemplate mongo;

	@Autowired
	NominationNoticesIntegrationTests(@LocalServerPort int port, Chapters chapters, MongoTemplate mongo) {
		this.mongo = mongo;
		this.fixture = new NotificationFixture(port, chapters, this.events);
		this.http = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
		this.inboxes = new InboxClient(this.http);
	}

	@AfterAll
	void close() {
		this.events.close();
	}

	@Test
	void aWithdrawalReachesStaffAndTheNominatingChapterThatChoseNominations() {
		String honolulu = this.fixture.registerChapter(STATE);
		String hilo = this.fixture.registerChapter(STATE);
		this.fixture.subscribe(hilo, """
				{"topics":["ENDORSEMENTS"],"email":"%s","inbox":true}"""
			.formatted(NotificationFixture.contactEmailOf(hilo)));
		NominationWithdrawn byHilo = withdrawn(hilo);
		NominationWithdrawn byHonolulu = withdrawn(honolulu);
		// The same nomination, so the same partition: once staff have this, Hilo's
		// withdrawal was wholly handled (inbox and deliveries).
		NominationExpired afterHilo = new NominationExpired(UUID.randomUUID().toString(), NotificationFixture.now(),
				byHilo.nominationId(), byHilo.candidateName(), byHilo.race(), hilo);

		publish(byHilo, NominationWithdrawn.class);
		publish(afterHilo, NominationExpired.class);
		publish(byHonolulu, NominationWithdrawn.class);

		// Staff hear of all; a chapter's entry is written before staff's.
		await().atMost(PATIENCE).untilAsserted(() -> {
			InboxClient.InboxPage staff = staffInbox();
			assertThat(staff.entriesOf(byHilo.eventId())).hasSize(1);
			assertThat(staff.entriesOf(afterHilo.eventId())).hasSize(1);
			assertThat(staff.entriesOf(byHonolulu.eventId())).singleElement()
				.satisfies((entry) -> assertThat(entry.body()).contains("needs no decision any more"));
		});
		assertThat(this.inboxes.inboxOf(honolulu).entriesOf(byHonolulu.eventId())).singleElement()
			.satisfies((entry) -> {
				assertThat(entry.title())
					.isEqualTo("Nomination withdrawn: Kai Example for State Senator (HI, District 9)");
				assertThat(entry.body()).startsWith("Your chapter's nomination of Kai Example")
					.endsWith("Reason given: The candidate left the race.");
				assertThat(entry.subjectId()).isEqualTo(byHonolulu.nominationId());
			});
		assertThat(this.inboxes.inboxOf(hilo).content()).isEmpty();
		assertThat(this.mongo.count(Query.query(Criteria.where("chapterId").is(hilo)), DeliveryDocument.class))
			.isZero();
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(
					MailTestConfiguration.receivedBy(NotificationFixture.contactEmailOf(honolulu)))
				.anySatisfy((mail) -> assertThat(mail.getSubject()).startsWith("Nomination withdrawn: Kai Example")));
		assertThat(MailTestConfiguration.receivedBy(NotificationFixture.contactEmailOf(hilo))).isEmpty();
	}

	private void publish(DomainEvent event, Class<? extends DomainEvent> type) {
		this.events.publish(CloudEventProducer.ENDORSEMENT_TOPIC, EventCatalog.typeOf(type),
				"/groundgame/endorsement-service", event);
	}

	private InboxClient.InboxPage staffInbox() {
		return this.http.get()
			.uri("/api/notifications/inbox?size=100")
			.header("Authorization", "Bearer " + TestTokens.staff())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(InboxClient.InboxPage.class)
			.returnResult()
			.getResponseBody();
	}

	private static NominationWithdrawn withdrawn(String chapterId) {
		return new NominationWithdrawn(UUID.randomUUID().toString(), NotificationFixture.now(),
				"nomination-" + UUID.randomUUID(), "Kai Example",
				new RaceSummary("State Senator", "STATE", STATE, "9", null, LocalDate.now().plusMonths(6)), chapterId,
				"The candidate left the race.");
	}

}
