package org.groundgame.notification.delivery;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.groundgame.events.EventCatalog;
import org.groundgame.events.endorsement.NominationSubmitted;
import org.groundgame.events.endorsement.QuestionnaireIssued;
import org.groundgame.events.endorsement.RaceSummary;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.InboxClient;
import org.groundgame.notification.MailTestConfiguration;
import org.groundgame.notification.NotificationFixture;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.groundgame.notification.chapter.domain.Chapters;
import org.groundgame.notification.delivery.domain.Channel;
import org.groundgame.notification.delivery.domain.Delivery;
import org.groundgame.notification.delivery.domain.Recipient;
import org.groundgame.test.security.TestTokens;
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
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groundgame.notification.NotificationFixture.PATIENCE;

/**
 * The candidate's questionnaire e-mail over the real broker, store and SMTP server: the
 * candidate gets the private link at the address the event gives, nobody else hears of
 * it, and once it is sent the service keeps neither the link nor the address, nor ever
 * logs them. Alaska belongs to this class.
 */
@NotificationServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class QuestionnaireEmailIntegrationTests {

	private static final String STATE = "AK";

	private final NotificationFixture fixture;

	private final InboxClient inboxes;

	private final RestTestClient http;

	private final CloudEventProducer events = new CloudEventProducer();

	private final MongoTemplate mongo;

	@Autowired
	QuestionnaireEmailIntegrationTests(@LocalServerPort int port, Chapters chapters, MongoTemplate mongo) {
		this.fixture = new NotificationFixture(port, chapters, this.events);
		this.http = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
		this.inboxes = new InboxClient(this.http);
		this.mongo = mongo;
	}

	@AfterAll
	void close() {
		this.events.close();
	}

	@Test
	void theCandidateGetsThePrivateLinkAndTheServiceKeepsNeitherItNorTheAddress(CapturedOutput output)
			throws Exception {
		String chapterId = this.fixture.registerChapter(STATE);
		String nominationId = "nomination-" + UUID.randomUUID();
		String token = UUID.randomUUID().toString().replace("-", "") + "_Secret-Token";
		String link = "http://localhost:8080/questionnaire/#token=" + token;
		String address = "candidate-" + UUID.randomUUID() + "@candidates.example";
		RaceSummary race = new RaceSummary("State Representative", "STATE", STATE, "12", null,
				LocalDate.now().plusMonths(6));
		QuestionnaireIssued issued = new QuestionnaireIssued(UUID.randomUUID().toString(), NotificationFixture.now(),
				nominationId, "Jane Candidate", address, race, link,
				NotificationFixture.now().plus(Duration.ofDays(30)));

		this.events.publish(CloudEventProducer.ENDORSEMENT_TOPIC, EventCatalog.typeOf(QuestionnaireIssued.class),
				"/groundgame/endorsement-service", issued);

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(MailTestConfiguration.receivedBy(address)).hasSize(1));
		MimeMessage mail = MailTestConfiguration.receivedBy(address).get(0);
		assertThat(mail.getSubject())
			.isEqualTo("Your candidate questionnaire for State Representative (AK, District 12)");
		assertThat(part(mail, 0)).startsWith("Hello Jane Candidate,")
			.contains("Answer the questionnaire:\n" + link + "\n")
			.contains("you are on no mailing list");
		assertThat(part(mail, 1)).contains(">Answer the questionnaire</a>");

		// Once sent, the stored delivery keeps its subject and a masked address, nothing
		// else of the message.
		String deliveryId = Delivery.idOf(issued.eventId(), Recipient.addressee(nominationId), Channel.EMAIL);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(statusOf(deliveryId)).isEqualTo("DELIVERED"));
		Document stored = stored(deliveryId);
		assertThat(stored.toJson()).doesNotContain(token).doesNotContain(address);
		assertThat(stored.getString("address")).startsWith("c…@candidates.example");
		assertThat(stored.getString("subject")).startsWith("Your candidate questionnaire");
		assertThat(stored.get("text")).isNull();
		assertThat(stored.get("html")).isNull();

		// The delivery log shows the delivery, to an addressee, and neither secret.
		EntityExchangeResult<String> logged = this.fixture.call(HttpMethod.GET,
				"/api/notifications/deliveries/" + deliveryId, TestTokens.staff(), null);
		assertThat(logged.getStatus().value()).isEqualTo(200);
		assertThat(logged.getResponseBody()).contains("\"kind\":\"ADDRESSEE\"")
			.contains("\"id\":\"" + nominationId + "\"")
			.contains("\"status\":\"DELIVERED\"")
			.doesNotContain(token)
			.doesNotContain(address);
		EntityExchangeResult<String> listed = this.fixture.call(HttpMethod.GET,
				"/api/notifications/deliveries?channel=EMAIL&size=100", TestTokens.staff(), null);
		assertThat(listed.getResponseBody()).contains(deliveryId).doesNotContain(token).doesNotContain(address);
		assertThat(this.fixture
			.call(HttpMethod.GET, "/api/notifications/deliveries/" + deliveryId, TestTokens.chapter(chapterId), null)
			.getStatus()
			.value()).isEqualTo(403);

		// The same nomination's next event, on the same partition, reaches the chapter:
		// by then the questionnaire was handled, and nobody but the candidate heard of
		// it.
		NominationSubmitted barrier = new NominationSubmitted(UUID.randomUUID().toString(), NotificationFixture.now(),
				nominationId, "Jane Candidate", race, chapterId);
		this.events.nominationSubmitted(barrier);
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.inboxes.inboxOf(chapterId).entriesOf(barrier.eventId())).hasSize(1));
		assertThat(this.inboxes.inboxOf(chapterId).entriesOf(issued.eventId())).isEmpty();
		assertThat(staffInbox().entriesOf(issued.eventId())).isEmpty();
		assertThat(staffInbox().entriesOf(barrier.eventId())).hasSize(1);
		assertThat(
				this.mongo.count(Query.query(Criteria.where("eventId").is(issued.eventId())), DeliveryDocument.class))
			.isOne();

		// Neither the link nor the address was ever logged, while the event was. (The
		// tests' own mail server logs the mailbox it made for the address: not ours.)
		String logLines = output.getAll()
			.lines()
			.filter((line) -> !line.contains("c.icegreen.greenmail"))
			.collect(Collectors.joining("\n"));
		assertThat(logLines).contains(issued.eventId()).doesNotContain(token).doesNotContain(address);
	}

	private String statusOf(String deliveryId) {
		Document stored = stored(deliveryId);
		return (stored != null) ? stored.getString("status") : null;
	}

	private Document stored(String deliveryId) {
		return this.mongo.findById(deliveryId, Document.class, "deliveries");
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

	/** A part of the multipart/alternative message, decoded: 0 the text, 1 the HTML. */
	private static String part(MimeMessage mail, int index) throws MessagingException, java.io.IOException {
		BodyPart part = ((Multipart) mail.getContent()).getBodyPart(index);
		return ((String) part.getContent()).replace("\r\n", "\n");
	}

}
