package org.groundgame.notification.delivery;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.events.volunteer.ShiftSignupConfirmed;
import org.groundgame.events.volunteer.ShiftSummary;
import org.groundgame.events.volunteer.VolunteerLinkIssued;
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
import static org.groundgame.notification.delivery.MailParts.textOf;

/**
 * A volunteer's e-mails speak their language, over the real broker, store and SMTP
 * server: the link e-mail by the language its event carries, and a shift's e-mail (whose
 * event carries none) by the language the people projection keeps from their sign-up;
 * subject, body, button and footer alike. One who reads English, or whose sign-up said no
 * language, is written to in English. Utah belongs to this class.
 */
@NotificationServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class LanguageEmailIntegrationTests {

	private static final String SOURCE = "/groundgame/volunteer-service";

	// Saturday, December 5, 2026, 10 AM to 1 PM in Salt Lake City.
	private static final ShiftSummary SHIFT = new ShiftSummary("opportunity-" + UUID.randomUUID(),
			"Canvass for Jane Example", "CANVASS", "UT", null, null, Instant.parse("2026-12-05T17:00:00Z"),
			Instant.parse("2026-12-05T20:00:00Z"), "1 Main St, Salt Lake City", null);

	private final CloudEventProducer events = new CloudEventProducer();

	private final MongoTemplate mongo;

	@Autowired
	LanguageEmailIntegrationTests(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@AfterAll
	void close() {
		this.events.close();
	}

	@Test
	void aSpanishReadingVolunteerGetsTheirLinkWelcomeAndShiftInSpanish() throws Exception {
		String volunteerId = signUp("Ana Ejemplo", "es");
		String key = UUID.randomUUID().toString().replace("-", "");
		publish(new VolunteerLinkIssued(id(), NotificationFixture.now(), volunteerId, "Ana Ejemplo",
				addressOf(volunteerId), "http://localhost:8080/volunteers/" + volunteerId + "#token=" + key, null,
				"es"));
		publish(new ShiftSignupConfirmed(id(), NotificationFixture.now(), "shift-" + UUID.randomUUID(),
				"signup-" + UUID.randomUUID(), volunteerId, SHIFT));

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(mailTo(volunteerId)).hasSize(3));
		assertThat(mailTo(volunteerId).stream().map(MailParts::subjectOf)).containsExactlyInAnyOrder(
				"¡Te damos la bienvenida al equipo, Ana Ejemplo!", "Tu enlace de voluntario",
				"Estás inscrito: Canvass for Jane Example");

		MimeMessage link = mail(volunteerId, "Tu enlace de voluntario");
		assertThat(textOf(link)).startsWith("Hola, Ana Ejemplo:")
			.contains("sin cuenta ni contraseña")
			.contains("Apúntate y gestiona tus turnos:\nhttp://localhost:8080/volunteers/" + volunteerId + "#token="
					+ key)
			.contains("Recibes este mensaje porque te concierne directamente")
			.contains("Este correo responde a algo que pediste")
			.doesNotContain("Hello")
			.doesNotContain("You receive");
		assertThat(htmlOf(link)).contains("<html lang=\"es\">")
			.contains(">Apúntate y gestiona tus turnos</a>")
			.contains("Si el botón no funciona, copia esta dirección en tu navegador:")
			.contains(">Tus preferencias de correo</a>");

		MimeMessage seat = mail(volunteerId, "Estás inscrito: Canvass for Jane Example");
		assertThat(textOf(seat)).startsWith("Hola, Ana Ejemplo:")
			.contains("¡Gracias por inscribirte! Tienes un lugar en Canvass for Jane Example, una jornada de puerta a "
					+ "puerta, el sábado 5 de diciembre, 10:00 a.m. – 1:00 p.m. MST, en 1 Main St, Salt Lake City.")
			.contains("Si cambian tus planes, cancela tu inscripción")
			.contains("Recibes este correo porque aceptaste que Ground Game te escriba por correo electrónico.")
			.contains("Este correo trata de tus turnos de voluntariado.")
			.doesNotContain("Hello")
			.doesNotContain("Saturday");
	}

	@Test
	void anEnglishReadingVolunteerAndOneWhoseLanguageIsNotKnownGetThemInEnglish() throws Exception {
		for (String language : new String[] { "en", null }) {
			String volunteerId = signUp("Ada Example", language);
			publish(new VolunteerLinkIssued(id(), NotificationFixture.now(), volunteerId, "Ada Example",
					addressOf(volunteerId), "http://localhost:8080/volunteers/" + volunteerId + "#token=k", null,
					language));
			publish(new ShiftSignupConfirmed(id(), NotificationFixture.now(), "shift-" + UUID.randomUUID(),
					"signup-" + UUID.randomUUID(), volunteerId, SHIFT));

			await().atMost(PATIENCE).untilAsserted(() -> assertThat(mailTo(volunteerId)).hasSize(3));
			assertThat(mailTo(volunteerId).stream().map(MailParts::subjectOf)).containsExactlyInAnyOrder(
					"Welcome to the team, Ada Example!", "Your volunteer link",
					"You're signed up: Canvass for Jane Example");
			MimeMessage link = mail(volunteerId, "Your volunteer link");
			assertThat(textOf(link)).startsWith("Hello Ada Example,")
				.contains("RSVP and manage your shifts:\nhttp://localhost:8080/volunteers/" + volunteerId)
				.contains("you are on no mailing list");
			assertThat(htmlOf(link)).contains("<html lang=\"en\">");
			assertThat(textOf(mail(volunteerId, "You're signed up: Canvass for Jane Example")))
				.startsWith("Hello Ada Example,")
				.contains("Saturday, December 5, 10:00 AM – 1:00 PM MST, at 1 Main St, Salt Lake City")
				.contains("You receive this because you agreed to hear from Ground Game by e-mail.")
				.contains("This e-mail is about your volunteer shifts.");
		}
	}

	/** A consenting volunteer of Utah, known to the people projection. */
	private String signUp(String name, String language) {
		String volunteerId = "volunteer-" + UUID.randomUUID();
		publish(new VolunteerSignedUp(id(), NotificationFixture.now(), volunteerId, null, name, addressOf(volunteerId),
				"UT", new Consent(true, false), true, language));
		await().atMost(PATIENCE)
			.until(() -> this.mongo.exists(Query.query(Criteria.where("_id").is(volunteerId)), "people"));
		return volunteerId;
	}

	private static List<MimeMessage> mailTo(String volunteerId) {
		return MailTestConfiguration.receivedBy(addressOf(volunteerId));
	}

	private static MimeMessage mail(String volunteerId, String subject) {
		return mailTo(volunteerId).stream()
			.filter((message) -> subject.equals(subjectOf(message)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No e-mail '" + subject + "'"));
	}

	private static String htmlOf(MimeMessage message) throws MessagingException, IOException {
		return (String) ((Multipart) message.getContent()).getBodyPart(1).getContent();
	}

	private void publish(DomainEvent event) {
		this.events.publish(CloudEventProducer.VOLUNTEER_TOPIC, EventCatalog.typeOf(event.getClass()), SOURCE, event);
	}

	private static String addressOf(String volunteerId) {
		return volunteerId + "@languages.example";
	}

	private static String id() {
		return UUID.randomUUID().toString();
	}

}
