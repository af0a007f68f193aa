package org.groundgame.notification.delivery;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import org.groundgame.events.DomainEvent;
import org.groundgame.events.EventCatalog;
import org.groundgame.events.Topics;
import org.groundgame.events.training.CohortSummary;
import org.groundgame.events.training.ManageLinkIssued;
import org.groundgame.events.training.TraineeEnrolled;
import org.groundgame.events.training.TraineeWaitlisted;
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
 * The private link to an application reaches its owner by e-mail only, over the real
 * broker and SMTP server: with the seat or the place in line that a first application
 * got, and alone (with word that nothing changed) when someone applies again with an
 * address that had applied — the school's answer to the applicant carries neither. The
 * link is never logged.
 */
@NotificationServiceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class ApplicationLinkNoticesIntegrationTests {

	private static final String SOURCE = "/groundgame/campaign-training-service";

	private final CloudEventProducer events = new CloudEventProducer();

	@AfterAll
	void close() {
		this.events.close();
	}

	@Test
	void applicantsAreEmailedTheLinkToTheirApplicationAndARepeatSendsANewOneSayingNothingChanged(
			CapturedOutput output) {
		String cohortId = "cohort-" + UUID.randomUUID();
		CohortSummary cohort = new CohortSummary(cohortId, "Oregon Organizer Cohort", "ORGANIZER",
				LocalDate.of(2027, 2, 6), "ONLINE", "Online");
		String seatedAddress = "seated-" + UUID.randomUUID() + "@trainees.example";
		String waitingAddress = "waiting-" + UUID.randomUUID() + "@trainees.example";
		String seatedToken = token("Seated");
		String waitingToken = token("Waiting");
		String repeatToken = token("Repeat");
		String seatedEnrollment = "enrollment-" + UUID.randomUUID();
		String waitingEnrollment = "enrollment-" + UUID.randomUUID();

		TraineeEnrolled enrolled = new TraineeEnrolled(id(), NotificationFixture.now(), cohortId, seatedEnrollment,
				null, "Sol Seated", seatedAddress, cohort, link(seatedEnrollment, seatedToken));
		TraineeWaitlisted waitlisted = new TraineeWaitlisted(id(), NotificationFixture.now(), cohortId,
				waitingEnrollment, null, "Wren Waiting", waitingAddress, 1, cohort,
				link(waitingEnrollment, waitingToken));
		ManageLinkIssued again = new ManageLinkIssued(id(), NotificationFixture.now(), cohortId, waitingEnrollment,
				null, "Wren Waiting", waitingAddress, "WAITLISTED", link(waitingEnrollment, repeatToken), cohort);
		// A seat that came later (an accepted offer) has no manage link in its event.
		TraineeEnrolled promoted = new TraineeEnrolled(id(), NotificationFixture.now(), cohortId, waitingEnrollment,
				null, "Wren Waiting", waitingAddress, cohort);

		publish(enrolled);
		publish(waitlisted);
		publish(again);
		publish(again);
		publish(promoted);

		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(MailTestConfiguration.receivedBy(seatedAddress)).hasSize(1);
			assertThat(MailTestConfiguration.receivedBy(waitingAddress)).hasSize(3);
		});
		assertThat(textOf(MailTestConfiguration.receivedBy(seatedAddress).get(0)))
			.contains("See or withdraw your application:\n" + link(seatedEnrollment, seatedToken) + "\n")
			.contains("please do not forward this message");
		List<MimeMessage> waiting = MailTestConfiguration.receivedBy(waitingAddress);
		MimeMessage placeInLine = only(waiting, "You're #1 on the waitlist for Oregon Organizer Cohort");
		assertThat(textOf(placeInLine))
			.contains("See or withdraw your application:\n" + link(waitingEnrollment, waitingToken) + "\n")
			.doesNotContain(repeatToken);
		MimeMessage newLink = only(waiting, "Your application to Oregon Organizer Cohort");
		assertThat(textOf(newLink)).startsWith("Hello Wren Waiting,")
			.contains("Nothing about your application has changed: you are on the waitlist.")
			.contains("the link we sent you before no longer works")
			.contains("See or withdraw your application:\n" + link(waitingEnrollment, repeatToken) + "\n")
			.doesNotContain(waitingToken);
		MimeMessage seat = only(waiting, "You have a seat in Oregon Organizer Cohort");
		assertThat(textOf(seat)).doesNotContain("See or withdraw your application")
			.doesNotContain(waitingToken)
			.doesNotContain(repeatToken);

		String logLines = output.getAll()
			.lines()
			.filter((line) -> !line.contains("c.icegreen.greenmail"))
			.collect(Collectors.joining("\n"));
		assertThat(logLines).contains(again.eventId())
			.doesNotContain(seatedToken)
			.doesNotContain(waitingToken)
			.doesNotContain(repeatToken)
			.doesNotContain(waitingAddress);
	}

	private void publish(DomainEvent event) {
		this.events.publish(Topics.TRAINING, EventCatalog.typeOf(event.getClass()), SOURCE, event);
	}

	private static MimeMessage only(List<MimeMessage> messages, String subject) {
		List<MimeMessage> matching = messages.stream().filter((message) -> subject.equals(subjectOf(message))).toList();
		assertThat(matching).as(subject).hasSize(1);
		return matching.get(0);
	}

	private static String link(String enrollmentId, String token) {
		return "http://localhost:8080/training/enrollments/" + enrollmentId + "#token=" + token;
	}

	private static String token(String kind) {
		return UUID.randomUUID().toString().replace("-", "") + "_" + kind + "-Token";
	}

	private static String id() {
		return UUID.randomUUID().toString();
	}

}
