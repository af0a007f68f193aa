package org.groundgame.notification.delivery;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.groundgame.events.EventCatalog;
import org.groundgame.events.volunteer.VolunteerChangeRequested;
import org.groundgame.events.volunteer.VolunteerLinkIssued;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.MailTestConfiguration;
import org.groundgame.notification.NotificationFixture;
import org.groundgame.notification.NotificationServiceIntegrationTest;
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
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groundgame.notification.NotificationFixture.PATIENCE;

/**
 * A volunteer's private links over the real broker, store and SMTP server: the link to
 * RSVP (with their calendar feed) and the confirmation of a sign-up again reach the
 * address the event gives, whatever consent the person gave (none here: the people
 * projection does not even know them), and once sent the service keeps neither the links
 * nor the address, nor ever logs them.
 */
@NotificationServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class VolunteerLinkEmailIntegrationTests {

	private final CloudEventProducer events = new CloudEventProducer();

	private final MongoTemplate mongo;

	@Autowired
	VolunteerLinkEmailIntegrationTests(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@AfterAll
	void close() {
		this.events.close();
	}

	@Test
	void theVolunteerGetsTheirLinksAtTheirAddressAndTheServiceKeepsNoneOfThem(CapturedOutput output) throws Exception {
		String volunteerId = "volunteer-" + UUID.randomUUID();
		String address = "volunteer-" + UUID.randomUUID() + "@volunteers.example";
		String key = UUID.randomUUID().toString().replace("-", "") + "_Key";
		String feed = UUID.randomUUID().toString().replace("-", "") + "Feed";
		String confirmation = UUID.randomUUID().toString().replace("-", "") + "_Confirm";
		VolunteerLinkIssued issued = new VolunteerLinkIssued(UUID.randomUUID().toString(), NotificationFixture.now(),
				volunteerId, "Ada Volunteer", address,
				"http://localhost:8080/volunteers/" + volunteerId + "#token=" + key,
				"http://localhost:8080/api/volunteers/" + volunteerId + "/calendar.ics?token=" + feed);
		VolunteerChangeRequested requested = new VolunteerChangeRequested(UUID.randomUUID().toString(),
				NotificationFixture.now(), volunteerId, "Ada Volunteer", address,
				"http://localhost:8080/volunteers/confirm#token=" + confirmation,
				NotificationFixture.now().plus(Duration.ofHours(48)));

		publish(issued);
		publish(requested);

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(MailTestConfiguration.receivedBy(address)).hasSize(2));
		MimeMessage link = mailWithSubject(address, "Your volunteer link");
		assertThat(part(link, 0)).startsWith("Hello Ada Volunteer,")
			.contains("RSVP and manage your shifts:\nhttp://localhost:8080/volunteers/" + volunteerId + "#token=" + key)
			.contains("/calendar.ics?token=" + feed)
			.contains("you are on no mailing list");
		assertThat(part(link, 1)).contains(">RSVP and manage your shifts</a>");
		MimeMessage confirm = mailWithSubject(address, "Confirm the change to your volunteer details");
		assertThat(part(confirm, 0))
			.contains("Confirm the change:\nhttp://localhost:8080/volunteers/confirm#token=" + confirmation)
			.contains("If it was not you, ignore this e-mail");

		for (String deliveryId : new String[] {
				Delivery.idOf(issued.eventId(), Recipient.addressee(volunteerId), Channel.EMAIL),
				Delivery.idOf(requested.eventId(), Recipient.addressee(volunteerId), Channel.EMAIL) }) {
			await().atMost(PATIENCE).untilAsserted(() -> assertThat(statusOf(deliveryId)).isEqualTo("DELIVERED"));
			assertThat(stored(deliveryId).toJson()).doesNotContain(key)
				.doesNotContain(feed)
				.doesNotContain(confirmation)
				.doesNotContain(address);
		}
		// Nobody else heard of them: no inbox entry anywhere.
		assertThat(this.mongo.count(org.springframework.data.mongodb.core.query.Query
			.query(org.springframework.data.mongodb.core.query.Criteria.where("eventId")
				.in(issued.eventId(), requested.eventId())), "inbox_entries"))
			.isZero();
		String logLines = output.getAll()
			.lines()
			.filter((line) -> !line.contains("c.icegreen.greenmail"))
			.collect(Collectors.joining("\n"));
		assertThat(logLines).doesNotContain(key)
			.doesNotContain(feed)
			.doesNotContain(confirmation)
			.doesNotContain(address);
	}

	private void publish(org.groundgame.events.DomainEvent event) {
		this.events.publish(CloudEventProducer.VOLUNTEER_TOPIC, EventCatalog.typeOf(event.getClass()),
				"/groundgame/volunteer-service", event);
	}

	private static MimeMessage mailWithSubject(String address, String subject) throws MessagingException {
		for (MimeMessage mail : MailTestConfiguration.receivedBy(address)) {
			if (subject.equals(mail.getSubject())) {
				return mail;
			}
		}
		throw new AssertionError("No e-mail '" + subject + "' to the volunteer");
	}

	private String statusOf(String deliveryId) {
		Document stored = stored(deliveryId);
		return (stored != null) ? stored.getString("status") : null;
	}

	private Document stored(String deliveryId) {
		return this.mongo.findById(deliveryId, Document.class, "deliveries");
	}

	/** A part of the multipart/alternative message, decoded: 0 the text, 1 the HTML. */
	private static String part(MimeMessage mail, int index) throws MessagingException, java.io.IOException {
		BodyPart part = ((Multipart) mail.getContent()).getBodyPart(index);
		return ((String) part.getContent()).replace("\r\n", "\n");
	}

}
