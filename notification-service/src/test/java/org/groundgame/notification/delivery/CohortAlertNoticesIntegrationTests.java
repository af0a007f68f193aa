package org.groundgame.notification.delivery;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.events.Topics;
import org.groundgame.events.training.CohortAlertDue;
import org.groundgame.events.training.CohortAlertRequested;
import org.groundgame.events.training.CohortSummary;
import org.groundgame.notification.CloudEventProducer;
import org.groundgame.notification.MailTestConfiguration;
import org.groundgame.notification.NotificationFixture;
import org.groundgame.notification.NotificationServiceIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groundgame.notification.NotificationFixture.PATIENCE;
import static org.groundgame.notification.delivery.MailParts.subjectOf;
import static org.groundgame.notification.delivery.MailParts.textOf;

/**
 * "Tell me when the next cohort opens", over the real broker and SMTP server: the
 * confirmation with the link that stops the alert, and the one e-mail of the opening,
 * each sent once however often Kafka delivers its event, in the language asked in, and
 * neither address nor link logged.
 */
@NotificationServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class CohortAlertNoticesIntegrationTests {

	private static final String SOURCE = "/groundgame/campaign-training-service";

	private final CloudEventProducer events = new CloudEventProducer();

	@AfterAll
	void close() {
		this.events.close();
	}

	@Test
	void theConfirmationAndTheOpeningReachTheAddressOnceEachInItsLanguage(CapturedOutput output) {
		String address = "alert-" + UUID.randomUUID() + "@people.example";
		String alertId = "alert-" + UUID.randomUUID();
		String token = UUID.randomUUID().toString().replace("-", "") + "_Alert-Token";
		String link = "http://localhost:8080/training/alerts#token=" + token;
		String cohortId = "cohort-" + UUID.randomUUID();
		CohortAlertRequested requested = new CohortAlertRequested(id(), NotificationFixture.now(), alertId, "ORGANIZER",
				"es", "Ada Alerta", address, link, false);
		CohortAlertDue due = new CohortAlertDue(id(), NotificationFixture.now(), alertId, "ORGANIZER", "es",
				"Ada Alerta", address,
				new CohortSummary(cohortId, "Organizadores 2027", "ORGANIZER", LocalDate.of(2027, 3, 6), "ONLINE",
						"Online"),
				LocalDate.of(2027, 2, 26), List.of(LocalDate.of(2027, 3, 6)),
				"http://localhost:8080/training/cohorts/" + cohortId);

		publish(requested);
		publish(requested);
		publish(due);
		publish(due);

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(MailTestConfiguration.receivedBy(address)).extracting(MailParts::subjectOf)
				.containsExactlyInAnyOrder("Te avisaremos cuando abra el próximo grupo de organizadores",
						"Inscripciones abiertas: Organizadores 2027"));
		String confirmation = textOf(MailTestConfiguration.receivedBy(address)
			.stream()
			.filter((message) -> subjectOf(message).startsWith("Te avisaremos"))
			.findFirst()
			.orElseThrow());
		assertThat(confirmation).contains("Cancelar este aviso:\n" + link + "\n");
		String opening = textOf(MailTestConfiguration.receivedBy(address)
			.stream()
			.filter((message) -> subjectOf(message).startsWith("Inscripciones"))
			.findFirst()
			.orElseThrow());
		assertThat(opening).contains("Ver el grupo e inscribirte:\nhttp://localhost:8080/training/cohorts/" + cohortId)
			.contains("en línea")
			.doesNotContain(token);

		String logLines = output.getAll()
			.lines()
			.filter((line) -> !line.contains("c.icegreen.greenmail"))
			.collect(Collectors.joining("\n"));
		assertThat(logLines).doesNotContain(token).doesNotContain(address);
	}

	private void publish(DomainEvent event) {
		this.events.publish(Topics.TRAINING, EventCatalog.typeOf(event.getClass()), SOURCE, event);
	}

	private static String id() {
		return UUID.randomUUID().toString();
	}

}
