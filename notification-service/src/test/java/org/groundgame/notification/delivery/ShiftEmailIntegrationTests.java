package org.groundgame.notification.delivery;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.events.volunteer.AttendanceRecorded;
import org.groundgame.events.volunteer.ShiftReminderDue;
import org.groundgame.events.volunteer.ShiftSignupCancelled;
import org.groundgame.events.volunteer.ShiftSignupConfirmed;
import org.groundgame.events.volunteer.ShiftSignupPromoted;
import org.groundgame.events.volunteer.ShiftSummary;
import org.groundgame.events.volunteer.ShiftWaitlisted;
import org.groundgame.events.volunteer.VolunteerErased;
import org.groundgame.events.volunteer.VolunteerSignedUp;
import org.groundgame.events.volunteer.VolunteerSignedUp.Consent;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.MailTestConfiguration;
import org.groundgame.notification.NotificationFixture;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groundgame.notification.NotificationFixture.PATIENCE;
import static org.groundgame.notification.delivery.MailParts.subjectOf;

/**
 * Volunteers hear of their shifts by e-mail only if they consented to it: the seat, the
 * waitlist, the promotion, the cancellation, the reminder and the thanks for coming, told
 * on the clock of the shift's state; those who did not consent hear nothing, and an
 * erased volunteer's messages are forgotten. Real broker, store and SMTP server. Each
 * volunteer's shift events travel on one shift (one partition, in order), so that once
 * the last message to the consenting volunteer arrives, everything before it was handled.
 * Arizona and Colorado belong to this class.
 */
@NotificationServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class ShiftEmailIntegrationTests {

	private static final String SOURCE = "/groundgame/volunteer-service";

	private final CloudEventProducer events = new CloudEventProducer();

	private final MongoTemplate mongo;

	@Autowired
	ShiftEmailIntegrationTests(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@AfterAll
	void close() {
		this.events.close();
	}

	@Test
	void aConsentingVolunteerHearsOfTheirSeatWaitlistPromotionAndCancellationAndAnotherNothing() {
		String consenting = signUp("AZ", new Consent(true, false));
		String silent = signUp("AZ", new Consent(false, true));
		String shiftId = "shift-" + UUID.randomUUID();
		// Saturday, December 5, 2026, 10 AM to 1 PM in Phoenix.
		ShiftSummary shift = new ShiftSummary("opportunity-" + UUID.randomUUID(), "Canvass for Jane Example", "CANVASS",
				"AZ", null, null, Instant.parse("2026-12-05T17:00:00Z"), Instant.parse("2026-12-05T20:00:00Z"),
				"1 Central Ave, Phoenix", null);

		for (String volunteer : List.of(silent, consenting)) {
			String signupId = "signup-" + UUID.randomUUID();
			publish(new ShiftWaitlisted(id(), NotificationFixture.now(), shiftId, signupId, volunteer, 2, shift));
			publish(new ShiftSignupPromoted(id(), NotificationFixture.now(), shiftId, signupId, volunteer, shift));
			publish(new ShiftSignupCancelled(id(), NotificationFixture.now(), shiftId, signupId, volunteer, false,
					"VOLUNTEER", shift));
			publish(new ShiftSignupConfirmed(id(), NotificationFixture.now(), shiftId, signupId, volunteer, shift));
			publish(new ShiftSignupCancelled(id(), NotificationFixture.now(), shiftId, signupId, volunteer, false,
					"ORGANIZER", shift));
			publish(new ShiftSignupCancelled(id(), NotificationFixture.now(), shiftId, signupId, volunteer, false,
					"ERASURE", shift));
			publish(new ShiftSignupConfirmed(id(), NotificationFixture.now(), shiftId, signupId, volunteer, shift));
		}

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(mailTo(consenting)).hasSize(6));
		assertThat(mailTo(consenting).stream().map(MailParts::subjectOf)).containsExactlyInAnyOrder(
				"You're on the waitlist: Canvass for Jane Example",
				"A seat opened up — you're in: Canvass for Jane Example", "Signup cancelled: Canvass for Jane Example",
				"You're signed up: Canvass for Jane Example", "Your signup was cancelled: Canvass for Jane Example",
				"You're signed up: Canvass for Jane Example");
		String seat = mailTo(consenting).stream()
			.filter((message) -> subjectOf(message).startsWith("You're signed up"))
			.map(ShiftEmailIntegrationTests::textOf)
			.findFirst()
			.orElseThrow();
		assertThat(seat).contains("Saturday, December 5, 10:00 AM – 1:00 PM MST, at 1 Central Ave, Phoenix")
			.contains("You receive this because you agreed to hear from");
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveriesTo(consenting, shiftId)).isEqualTo(6));
		assertThat(mailTo(silent)).isEmpty();
		assertThat(deliveriesTo(silent)).isZero();

		publish(new VolunteerErased(id(), NotificationFixture.now(), consenting));

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveriesTo(consenting)).isZero());
	}

	@Test
	void aConsentingVolunteerIsRemindedAndThankedAndAnotherIsNot() {
		String consenting = signUp("CO", new Consent(true, false));
		String silent = signUp("CO", new Consent(false, false));
		String shiftId = "shift-" + UUID.randomUUID();
		// Saturday, November 21, 2026, 10 AM to 12 noon in Denver, online: a time in the
		// past, so that the day the reminder names is the same whenever the test runs.
		ShiftSummary shift = new ShiftSummary("opportunity-" + UUID.randomUUID(), "Phone bank for Jane Example",
				"PHONE_BANK", "CO", null, null, Instant.parse("2026-11-21T17:00:00Z"),
				Instant.parse("2026-11-21T19:00:00Z"), null, "https://meet.example.org/co");

		for (String volunteer : List.of(silent, consenting)) {
			String signupId = "signup-" + UUID.randomUUID();
			publish(new ShiftReminderDue(id(), Instant.parse("2026-11-20T17:00:00Z"), shiftId, signupId, volunteer,
					shift));
			publish(new AttendanceRecorded(id(), NotificationFixture.now(), shiftId, signupId, volunteer, null, false,
					0, shift));
			publish(new AttendanceRecorded(id(), NotificationFixture.now(), shiftId, signupId, volunteer, null, true, 2,
					shift));
		}

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(mailTo(consenting)).hasSize(2));
		MimeMessage reminder = mailTo(consenting).stream()
			.filter((message) -> subjectOf(message).startsWith("Reminder: "))
			.findFirst()
			.orElseThrow();
		assertThat(subjectOf(reminder)).isEqualTo("Reminder: Phone bank for Jane Example tomorrow, 10:00 AM MST");
		assertThat(textOf(reminder)).contains("Saturday, November 21, 10:00 AM – 12:00 PM MST, online")
			.contains("https://meet.example.org/co");
		MimeMessage thanks = mailTo(consenting).stream()
			.filter((message) -> !subjectOf(message).startsWith("Reminder: "))
			.findFirst()
			.orElseThrow();
		assertThat(subjectOf(thanks)).isEqualTo("Thank you for volunteering: Phone bank for Jane Example");
		assertThat(textOf(thanks)).contains("We recorded 2 hours of volunteering for you.");
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveriesTo(consenting, shiftId)).isEqualTo(2));
		assertThat(mailTo(silent)).isEmpty();
		assertThat(deliveriesTo(silent)).isZero();
	}

	/** A volunteer signed up, known to this service's people projection. */
	private String signUp(String state, Consent consent) {
		String volunteerId = "volunteer-" + UUID.randomUUID();
		publish(new VolunteerSignedUp(id(), NotificationFixture.now(), volunteerId, null, "Ada Example",
				addressOf(volunteerId), state, consent, true));
		await().atMost(PATIENCE)
			.until(() -> this.mongo.exists(Query.query(Criteria.where("_id").is(volunteerId)), "people"));
		return volunteerId;
	}

	private List<MimeMessage> mailTo(String volunteerId) {
		return MailTestConfiguration.receivedBy(addressOf(volunteerId))
			.stream()
			.filter((message) -> !subjectOf(message).startsWith("Welcome to the team"))
			.toList();
	}

	/** Deliveries to a person about a shift (their welcome is about them). */
	private long deliveriesTo(String personId, String shiftId) {
		return this.mongo.count(Query.query(Criteria.where("personId").is(personId).and("subjectId").is(shiftId)),
				DeliveryDocument.class);
	}

	private long deliveriesTo(String personId) {
		return this.mongo.count(Query.query(Criteria.where("personId").is(personId)), DeliveryDocument.class);
	}

	private void publish(DomainEvent event) {
		this.events.publish(CloudEventProducer.VOLUNTEER_TOPIC, EventCatalog.typeOf(event.getClass()), SOURCE, event);
	}

	private static String addressOf(String volunteerId) {
		return volunteerId + "@shifts.example";
	}

	private static String id() {
		return UUID.randomUUID().toString();
	}

	/** The plain-text part, decoded. */
	private static String textOf(Part part) {
		try {
			if (part.isMimeType("text/plain")) {
				return (String) part.getContent();
			}
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					String text = textOf(multipart.getBodyPart(i));
					if (text != null) {
						return text;
					}
				}
			}
			return null;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
