package org.groundgame.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.groundgame.notification.delivery.domain.AttemptResult;
import org.groundgame.notification.delivery.domain.Channel;
import org.groundgame.notification.delivery.domain.Content;
import org.groundgame.notification.delivery.domain.Delivery;
import org.groundgame.notification.delivery.domain.Recipient;
import org.groundgame.notification.delivery.domain.RetrySchedule;
import org.groundgame.notification.email.EmailProperties;
import org.groundgame.notification.email.EmailSender;
import org.groundgame.notification.preference.domain.EmailTopic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail attempts to an addressee: sent at the address the event gave, without asking the
 * people projection (there is no consent record to ask), and never once the message has
 * been forgotten.
 */
class EmailChannelTests {

	private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");

	/** No mail server: a message that reaches the sender fails with "not configured". */
	private final EmailChannel channel = new EmailChannel(
			new EmailSender(null, EmailProperties.defaults(), CircuitBreaker.ofDefaults("smtp")),
			(personId) -> Optional.empty(), (address, topic) -> true);

	private final Delivery toTheCandidate = Delivery.planned("event-1",
			"org.groundgame.endorsement.QuestionnaireIssued.v1", Channel.EMAIL, Recipient.addressee("nomination-1"),
			"jane@candidates.example", "nomination-1", AT,
			Content.email("Your candidate questionnaire", "text", "<p>html</p>"), AT);

	@Test
	void anAddresseeIsWrittenToWithoutAConsentRecord() {
		AttemptResult result = this.channel.attempt(this.toTheCandidate, AT);

		// Reached the sender (which has no server here), not refused for want of consent.
		assertThat(result.outcome()).isEqualTo("FAILED");
		assertThat(result.detail()).isEqualTo("e-mail is not configured");
	}

	@Test
	void aTopicThePersonLeftSinceTheMessageWasPlannedIsNotSentButATransactionalMessageIs() {
		EmailChannel unsubscribed = new EmailChannel(
				new EmailSender(null, EmailProperties.defaults(), CircuitBreaker.ofDefaults("smtp")),
				(personId) -> Optional.empty(), (address, topic) -> !topic.isChoosable());
		Delivery training = Delivery.planned("event-2", "org.groundgame.training.OfferExpired.v1", Channel.EMAIL,
				Recipient.addressee("enrollment-1"), "sam@trainees.example", "enrollment-1", AT,
				Content.personalEmail("Your seat offer has expired", "text", "<p>html</p>",
						"http://localhost:8080/api/notifications/unsubscribe?token=t", EmailTopic.TRAINING),
				AT);
		Delivery link = Delivery
			.planned("event-3", "org.groundgame.training.ManageLinkIssued.v1", Channel.EMAIL,
					Recipient.addressee("enrollment-1"), "sam@trainees.example", "enrollment-1", AT,
					Content.personalEmail("Your application", "text", "<p>html</p>",
							"http://localhost:8080/api/notifications/unsubscribe?token=t", EmailTopic.TRANSACTIONAL),
					AT);

		AttemptResult held = unsubscribed.attempt(training, AT);
		AttemptResult sent = unsubscribed.attempt(link, AT);

		assertThat(held.verdict()).isEqualTo(AttemptResult.Verdict.GIVE_UP);
		assertThat(held.outcome()).isEqualTo("UNSUBSCRIBED");
		// Reached the sender (which has no server here).
		assertThat(sent.detail()).isEqualTo("e-mail is not configured");
	}

	@Test
	void aForgottenMessageIsNeverSent() {
		Delivery forgotten = this.toTheCandidate.afterAttempt(AT,
				AttemptResult.giveUp("REJECTED", null, "refused", Duration.ZERO),
				new RetrySchedule(List.of(Duration.ZERO), 0.0, Duration.ofHours(1)), new Random(1));

		AttemptResult result = this.channel.attempt(forgotten, AT);

		assertThat(result.verdict()).isEqualTo(AttemptResult.Verdict.GIVE_UP);
		assertThat(result.outcome()).isEqualTo("FORGOTTEN");
	}

}
