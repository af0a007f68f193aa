package org.groundgame.notification.delivery;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.events.Topics;
import org.groundgame.events.training.CohortOpened;
import org.groundgame.events.training.CohortSummary;
import org.groundgame.events.training.OfferExpired;
import org.groundgame.events.training.SeatOffered;
import org.groundgame.events.training.TraineeEnrolled;
import org.groundgame.events.training.TraineeGraduated;
import org.groundgame.events.training.TraineeWaitlisted;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.InboxClient;
import org.groundgame.notification.InboxClient.Entry;
import org.groundgame.notification.MailTestConfiguration;
import org.groundgame.notification.NotificationFixture;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.chapter.domain.Chapters;
import org.groundgame.notification.delivery.domain.Channel;
import org.groundgame.notification.delivery.domain.Delivery;
import org.groundgame.notification.delivery.domain.Recipient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groundgame.notification.NotificationFixture.PATIENCE;
import static org.groundgame.notification.delivery.MailParts.subjectOf;
import static org.groundgame.notification.delivery.MailParts.textOf;

/**
 * The Campaign Leadership School's events over the real broker, store and SMTP server:
 * trainees are e-mailed their seat, their place in line, the offer with its private link
 * and the offer's expiry, at the address each event gives and once per enrollment, while
 * chapters hear none of it; a chapter subscribed to {@code TRAINING} hears that a cohort
 * opened and that a member graduated, one that is not hears nothing. Every event travels
 * keyed by one cohort (one partition, in order), so the last one handled means every one
 * before it was. Delaware belongs to this class.
 */
@NotificationServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class TrainingNoticesIntegrationTests {

	private static final String STATE = "DE";

	private static final String SOURCE = "/groundgame/campaign-training-service";

	private final NotificationFixture fixture;

	private final InboxClient inboxes;

	private final CloudEventProducer events = new CloudEventProducer();

	private final MongoTemplate mongo;

	@Autowired
	TrainingNoticesIntegrationTests(@LocalServerPort int port, Chapters chapters, MongoTemplate mongo) {
		this.fixture = new NotificationFixture(port, chapters, this.events);
		this.inboxes = new InboxClient(RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build());
		this.mongo = mongo;
	}

	@AfterAll
	void close() {
		this.events.close();
	}

	@Test
	void traineesAreEmailedTheirSeatPlaceOfferAndExpiryAndOnlyTrainingSubscribersHearOfTheCohort(CapturedOutput output)
			throws Exception {
		List<String> chapterIds = this.fixture.registerChapters(STATE, 2);
		String training = chapterIds.get(0);
		String elsewhere = chapterIds.get(1);
		this.fixture.subscribe(training, "{\"topics\":[\"TRAINING\"],\"states\":[],\"inbox\":true}");
		this.fixture.subscribe(elsewhere, "{\"topics\":[\"ENDORSEMENTS\",\"OUTCOMES\"],\"states\":[],\"inbox\":true}");

		String cohortId = "cohort-" + UUID.randomUUID();
		CohortSummary cohort = new CohortSummary(cohortId, "Delaware Candidate Cohort", "CANDIDATE",
				LocalDate.of(2027, 1, 9), "IN_PERSON", "1 Loockerman St, Dover");
		String enrolledAddress = "enrolled-" + UUID.randomUUID() + "@trainees.example";
		String waitingAddress = "waiting-" + UUID.randomUUID() + "@trainees.example";
		String waitingName = "Wynona Waiting-" + UUID.randomUUID().toString().substring(0, 8);
		String enrolledEnrollment = "enrollment-" + UUID.randomUUID();
		String waitingEnrollment = "enrollment-" + UUID.randomUUID();
		String token = UUID.randomUUID().toString().replace("-", "") + "_Offer-Token";
		String acceptUrl = "http://localhost:8080/training/offer/" + waitingEnrollment + "#token=" + token;

		CohortOpened opened = new CohortOpened(id(), NotificationFixture.now(), cohortId, cohort, 1,
				LocalDate.of(2026, 12, 15), List.of(LocalDate.of(2027, 1, 9), LocalDate.of(2027, 1, 16)), 48);
		TraineeEnrolled enrolled = new TraineeEnrolled(id(), NotificationFixture.now(), cohortId, enrolledEnrollment,
				training, "Edna Enrolled", enrolledAddress, cohort);
		TraineeWaitlisted waitlisted = new TraineeWaitlisted(id(), NotificationFixture.now(), cohortId,
				waitingEnrollment, training, waitingName, waitingAddress, 1, cohort);
		SeatOffered offered = new SeatOffered(id(), NotificationFixture.now(), cohortId, waitingEnrollment, training,
				waitingName, waitingAddress, NotificationFixture.now().plus(Duration.ofHours(48)), acceptUrl, cohort);
		OfferExpired expired = new OfferExpired(id(), NotificationFixture.now(), cohortId, waitingEnrollment, training,
				waitingName, waitingAddress, cohort);
		TraineeGraduated graduated = new TraineeGraduated(id(), NotificationFixture.now(), cohortId, enrolledEnrollment,
				training, cohort);

		publish(opened);
		publish(enrolled);
		publish(waitlisted);
		publish(offered);
		// Kafka redelivers: the same offer again changes nothing.
		publish(offered);
		publish(expired);
		publish(graduated);

		// The chapter subscribed to TRAINING hears of the cohort and the graduate, and of
		// no trainee's own news; by the time the graduate is in its inbox, every event
		// before was handled.
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.inboxes.inboxOf(training).entriesOf(graduated.eventId())).hasSize(1));
		List<Entry> inbox = this.inboxes.inboxOf(training).content();
		assertThat(inbox).extracting(Entry::title)
			.containsExactlyInAnyOrder("Applications open: Delaware Candidate Cohort",
					"A member of your chapter completed Delaware Candidate Cohort");
		assertThat(inbox).extracting(Entry::body)
			.allSatisfy((body) -> assertThat(body).doesNotContain("Edna")
				.doesNotContain(waitingName)
				.doesNotContain("@trainees.example")
				.doesNotContain(token));
		assertThat(this.inboxes.inboxOf(elsewhere).content()).isEmpty();

		// Each trainee is e-mailed, at the event's address, once per event.
		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(MailTestConfiguration.receivedBy(enrolledAddress)).hasSize(1);
			assertThat(MailTestConfiguration.receivedBy(waitingAddress)).hasSize(3);
		});
		MimeMessage seat = MailTestConfiguration.receivedBy(enrolledAddress).get(0);
		assertThat(seat.getSubject()).isEqualTo("You have a seat in Delaware Candidate Cohort");
		assertThat(textOf(seat)).startsWith("Hello Edna Enrolled,")
			.contains("It starts on Saturday, January 9, 2027, in person at 1 Loockerman St, Dover.")
			.contains("you are on no mailing list");
		List<MimeMessage> waiting = MailTestConfiguration.receivedBy(waitingAddress);
		assertThat(waiting).extracting(MailParts::subjectOf)
			.containsExactlyInAnyOrder("You're #1 on the waitlist for Delaware Candidate Cohort",
					"A seat opened up for you in Delaware Candidate Cohort — accept by "
							+ deadline(offered.expiresAt()),
					"Your seat offer for Delaware Candidate Cohort has expired");
		MimeMessage offer = waiting.stream()
			.filter((message) -> subjectOf(message).startsWith("A seat opened up"))
			.findFirst()
			.orElseThrow();
		assertThat(textOf(offer)).contains("See and accept your offer:\n" + acceptUrl + "\n");
		assertThat(waiting.stream()
			.filter((message) -> !subjectOf(message).startsWith("A seat opened up"))
			.map(MailParts::textOf)).allSatisfy((text) -> assertThat(text).doesNotContain(token));

		// One delivery per event and enrollment, which keeps neither the link nor the
		// address once sent; the graduate's chapter chose no e-mail and no webhook, so
		// its
		// news is in the inbox alone.
		String offerDelivery = Delivery.idOf(offered.eventId(), Recipient.addressee(waitingEnrollment), Channel.EMAIL);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(statusOf(offerDelivery)).isEqualTo("DELIVERED"));
		assertThat(stored(offerDelivery).toJson()).doesNotContain(token)
			.doesNotContain(waitingAddress)
			.doesNotContain(waitingName);
		for (DomainEvent event : List.of(enrolled, waitlisted, offered, expired)) {
			assertThat(deliveriesOf(event)).as(event.getClass().getSimpleName()).isOne();
		}
		assertThat(deliveriesOf(graduated)).isZero();

		// Neither the addresses, the names nor the link were ever logged, while the
		// events
		// were. (The tests' own mail server logs the mailboxes it made: not ours.)
		String logLines = output.getAll()
			.lines()
			.filter((line) -> !line.contains("c.icegreen.greenmail"))
			.collect(Collectors.joining("\n"));
		assertThat(logLines).contains(offered.eventId())
			.doesNotContain(token)
			.doesNotContain(enrolledAddress)
			.doesNotContain(waitingAddress)
			.doesNotContain(waitingName);
	}

	private void publish(DomainEvent event) {
		this.events.publish(Topics.TRAINING, EventCatalog.typeOf(event.getClass()), SOURCE, event);
	}

	private long deliveriesOf(DomainEvent event) {
		return this.mongo.count(Query.query(Criteria.where("eventId").is(event.eventId())), DeliveryDocument.class);
	}

	private String statusOf(String deliveryId) {
		Document stored = stored(deliveryId);
		return (stored != null) ? stored.getString("status") : null;
	}

	private Document stored(String deliveryId) {
		return this.mongo.findById(deliveryId, Document.class, "deliveries");
	}

	private static String deadline(java.time.Instant instant) {
		return java.time.format.DateTimeFormatter.ofPattern("MMMM d, uuuu 'at' HH:mm 'UTC'", java.util.Locale.US)
			.format(instant.atOffset(java.time.ZoneOffset.UTC));
	}

	private static String id() {
		return UUID.randomUUID().toString();
	}

}
