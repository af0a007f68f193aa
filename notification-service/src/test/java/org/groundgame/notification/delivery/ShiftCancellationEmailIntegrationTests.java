package org.groundgame.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.events.volunteer.OpportunityCancelled;
import org.groundgame.events.volunteer.ShiftCancelled;
import org.groundgame.events.volunteer.ShiftRescheduled;
import org.groundgame.events.volunteer.ShiftSummary;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.events.volunteer.VolunteerSignedUp.Consent;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.InboxClient;
import org.groundgame.notification.InboxClient.Entry;
import org.groundgame.notification.MailTestConfiguration;
import org.groundgame.notification.NotificationFixture;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.chapter.domain.Chapters;
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
import static org.groundgame.notification.delivery.MailParts.subjectOf;

/**
 * A shift the organizers cancel or move reaches everyone the event names, by e-mail in
 * their language if they consented (and nobody who did not), and the organizing chapter's
 * inbox; a shift cancelled with its opportunity leaves one inbox entry, the
 * opportunity's. Real broker, store and SMTP server. Louisiana belongs to this class.
 */
@NotificationServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class ShiftCancellationEmailIntegrationTests {

	private static final String SOURCE = "/groundgame/volunteer-service";

	private final CloudEventProducer events = new CloudEventProducer();

	private final NotificationFixture fixture;

	private final InboxClient inboxes;

	private final MongoTemplate mongo;

	@Autowired
	ShiftCancellationEmailIntegrationTests(@LocalServerPort int port, Chapters chapters, MongoTemplate mongo) {
		this.fixture = new NotificationFixture(port, chapters, this.events);
		this.inboxes = new InboxClient(RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build());
		this.mongo = mongo;
	}

	@AfterAll
	void close() {
		this.events.close();
	}

	@Test
	void aCancelledShiftReachesItsVolunteersInTheirLanguageWithConsentAndItsChaptersInbox() {
		String chapter = this.fixture.registerChapter("LA");
		String english = signUp(new Consent(true, false), "en");
		String spanish = signUp(new Consent(true, false), "es");
		String silent = signUp(new Consent(false, true), "en");
		String shiftId = "shift-" + UUID.randomUUID();

		publish(new ShiftCancelled(id(), NotificationFixture.now(), shiftId, "Hurricane warning",
				List.of(english, spanish, silent), false, shift(chapter)));

		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(mailTo(english)).hasSize(1);
			assertThat(mailTo(spanish)).hasSize(1);
		});
		assertThat(subjectOf(mailTo(english).get(0))).isEqualTo("Cancelled: Canvass for Jane Example");
		assertThat(MailParts.textOf(mailTo(english).get(0)))
			.contains("Saturday, December 5, 10:00 AM – 1:00 PM CST, at 1 Canal St, New Orleans")
			.contains("Their reason: Hurricane warning");
		assertThat(subjectOf(mailTo(spanish).get(0))).isEqualTo("Cancelado: Canvass for Jane Example");
		assertThat(MailParts.textOf(mailTo(spanish).get(0))).contains("Su motivo: Hurricane warning");
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(titlesOf(chapter, shiftId))
				.containsExactly("Shift cancelled: Canvass for Jane Example"));
		assertThat(mailTo(silent)).isEmpty();
		assertThat(deliveriesTo(silent)).isZero();
	}

	@Test
	void aMovedShiftTellsItsVolunteersTheNewTimeAndTheOld() {
		String chapter = this.fixture.registerChapter("LA");
		String english = signUp(new Consent(true, false), "en");
		String spanish = signUp(new Consent(true, false), "es");
		String shiftId = "shift-" + UUID.randomUUID();
		ShiftSummary before = shift(chapter);
		// Sunday, December 6, 2026, 2 PM to 4 PM in New Orleans, elsewhere.
		ShiftSummary after = new ShiftSummary(before.opportunityId(), before.title(), before.type(), "LA", chapter,
				null, Instant.parse("2026-12-06T20:00:00Z"), Instant.parse("2026-12-06T22:00:00Z"),
				"City Park, New Orleans", null);

		publish(new ShiftRescheduled(id(), NotificationFixture.now(), shiftId, before.startsAt(), before.endsAt(),
				before.location(), List.of(english, spanish), after));

		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(mailTo(english)).hasSize(1);
			assertThat(mailTo(spanish)).hasSize(1);
		});
		assertThat(subjectOf(mailTo(english).get(0))).isEqualTo("New time: Canvass for Jane Example");
		assertThat(MailParts.textOf(mailTo(english).get(0)))
			.contains("it was to be on Saturday, December 5, 10:00 AM – 1:00 PM CST, at 1 Canal St, New Orleans")
			.contains("and is now on Sunday, December 6, 2:00 PM – 4:00 PM CST, at City Park, New Orleans");
		assertThat(subjectOf(mailTo(spanish).get(0))).isEqualTo("Nuevo horario: Canvass for Jane Example");
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(titlesOf(chapter, shiftId))
				.containsExactly("Shift moved: Canvass for Jane Example"));
	}

	@Test
	void aShiftCancelledWithItsOpportunityLeavesTheChapterOneEntryTheOpportunitys() {
		String chapter = this.fixture.registerChapter("LA");
		String english = signUp(new Consent(true, false), "en");
		String shiftId = "shift-" + UUID.randomUUID();
		ShiftSummary shift = shift(chapter);

		publish(new OpportunityCancelled(id(), NotificationFixture.now(), shift.opportunityId(), shift.title(),
				"CANVASS", "LA", chapter, null, "The candidate withdrew", 1));
		publish(new ShiftCancelled(id(), NotificationFixture.now(), shiftId, "The candidate withdrew", List.of(english),
				true, shift));

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(mailTo(english)).hasSize(1));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(titlesOf(chapter, shift.opportunityId()))
				.containsExactly("Opportunity cancelled: Canvass for Jane Example"));
		assertThat(titlesOf(chapter, shiftId)).isEmpty();
	}

	/** Saturday, December 5, 2026, 10 AM to 1 PM in New Orleans. */
	private static ShiftSummary shift(String chapter) {
		return new ShiftSummary("opportunity-" + UUID.randomUUID(), "Canvass for Jane Example", "CANVASS", "LA",
				chapter, null, Instant.parse("2026-12-05T16:00:00Z"), Instant.parse("2026-12-05T19:00:00Z"),
				"1 Canal St, New Orleans", null);
	}

	private String signUp(Consent consent, String language) {
		String volunteerId = "volunteer-" + UUID.randomUUID();
		publish(new VolunteerSignedUp(id(), NotificationFixture.now(), volunteerId, null, "Ada Example",
				addressOf(volunteerId), "LA", consent, true, language));
		await().atMost(PATIENCE)
			.until(() -> this.mongo.exists(Query.query(Criteria.where("_id").is(volunteerId)), "people"));
		return volunteerId;
	}

	private List<String> titlesOf(String chapterId, String subjectId) {
		return this.inboxes.inboxOf(chapterId)
			.content()
			.stream()
			.filter((entry) -> subjectId.equals(entry.subjectId()))
			.map(Entry::title)
			.toList();
	}

	private List<MimeMessage> mailTo(String volunteerId) {
		return MailTestConfiguration.receivedBy(addressOf(volunteerId))
			.stream()
			.filter((message) -> !subjectOf(message).startsWith("Welcome to the team")
					&& !subjectOf(message).startsWith("¡Te damos la bienvenida"))
			.toList();
	}

	private long deliveriesTo(String personId) {
		return this.mongo.count(Query.query(Criteria.where("personId").is(personId)), DeliveryDocument.class);
	}

	private void publish(DomainEvent event) {
		this.events.publish(CloudEventProducer.VOLUNTEER_TOPIC, EventCatalog.typeOf(event.getClass()), SOURCE, event);
	}

	private static String addressOf(String volunteerId) {
		return volunteerId + "@cancellations.example";
	}

	private static String id() {
		return UUID.randomUUID().toString();
	}

}
