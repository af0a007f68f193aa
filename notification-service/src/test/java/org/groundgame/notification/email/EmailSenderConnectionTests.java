package org.groundgame.notification.email;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.groundgame.notification.email.EmailResult.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sender's SMTP connections: kept open between messages, at most one per message
 * being sent at once, and given up (for a new one) when the server closed them or a
 * message failed on them, without losing or repeating a message.
 */
class EmailSenderConnectionTests {

	private final EmailProperties properties = new EmailProperties("notifications@groundgame.example", "Ground Game",
			null);

	@Test
	void messagesOneAfterAnotherTravelOverOneConnection() throws Exception {
		try (CountingSmtpServer server = new CountingSmtpServer()) {
			EmailSender sender = sender(server, EmailSender.IDLE_TIMEOUT, EmailSender.ASK_AFTER);

			for (int i = 0; i < 20; i++) {
				assertThat(sender.send(message("delivery-" + i)).outcome()).isEqualTo(Outcome.SENT);
			}

			assertThat(server.taken()).containsExactlyElementsOf(messageIds(0, 20));
			assertThat(server.connections()).isEqualTo(1);
			sender.destroy();
		}
	}

	@Test
	void concurrentSendersUseNoMoreConnectionsThanTheyAreAndEveryMessageArrivesOnce() throws Exception {
		int senders = 8;
		int each = 25;
		try (CountingSmtpServer server = new CountingSmtpServer()) {
			EmailSender sender = sender(server, EmailSender.IDLE_TIMEOUT, EmailSender.ASK_AFTER);
			List<Future<List<Outcome>>> outcomes = new ArrayList<>();
			try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
				for (int s = 0; s < senders; s++) {
					int first = s * each;
					outcomes.add(threads.submit(() -> IntStream.range(first, first + each)
						.mapToObj((i) -> sender.send(message("delivery-" + i)).outcome())
						.toList()));
				}
			}

			for (Future<List<Outcome>> outcome : outcomes) {
				assertThat(outcome.get()).hasSize(each).containsOnly(Outcome.SENT);
			}
			assertThat(server.taken()).containsExactlyInAnyOrderElementsOf(messageIds(0, senders * each));
			assertThat(server.connections()).isBetween(1, senders);
			sender.destroy();
		}
	}

	@ParameterizedTest(name = "asked after {0}")
	@ValueSource(strings = { "PT0S", "PT1H" })
	void aConnectionTheServerClosedIsReplacedAndTheNextMessageIsSent(Duration askAfter) throws Exception {
		try (CountingSmtpServer server = new CountingSmtpServer()) {
			EmailSender sender = sender(server, EmailSender.IDLE_TIMEOUT, askAfter);
			assertThat(sender.send(message("delivery-0")).outcome()).isEqualTo(Outcome.SENT);

			server.hangUp();
			await().atMost(Duration.ofSeconds(5)).until(() -> server.open() == 0);

			assertThat(sender.send(message("delivery-1")).outcome()).isEqualTo(Outcome.SENT);
			assertThat(sender.send(message("delivery-2")).outcome()).isEqualTo(Outcome.SENT);
			assertThat(server.taken()).containsExactlyElementsOf(messageIds(0, 3));
			assertThat(server.connections()).isEqualTo(2);
			sender.destroy();
		}
	}

	@Test
	void aMessageWhoseRecentlyUsedConnectionIsLostGoesOnceMoreOverANewOneAndNothingIsLostOrSentTwice()
			throws Exception {
		try (CountingSmtpServer server = new CountingSmtpServer()) {
			EmailSender sender = sender(server, EmailSender.IDLE_TIMEOUT, Duration.ofHours(1));
			server.dropDuringMessages(3);
			List<Outcome> outcomes = new ArrayList<>();

			for (int i = 0; i < 5; i++) {
				outcomes.add(sender.send(message("delivery-" + i)).outcome());
			}

			assertThat(outcomes).containsOnly(Outcome.SENT);
			assertThat(server.taken()).containsExactlyElementsOf(messageIds(0, 5));
			assertThat(server.connections()).isEqualTo(2);
			sender.destroy();
		}
	}

	@Test
	void aMessageLostOnANewConnectionTooFailsOnceAndTheNextMessageIsSent() throws Exception {
		try (CountingSmtpServer server = new CountingSmtpServer()) {
			EmailSender sender = sender(server, EmailSender.IDLE_TIMEOUT, Duration.ofHours(1));
			server.dropDuringMessages(3, 4);

			assertThat(sender.send(message("delivery-0")).outcome()).isEqualTo(Outcome.SENT);
			assertThat(sender.send(message("delivery-1")).outcome()).isEqualTo(Outcome.SENT);
			EmailResult lost = sender.send(message("delivery-2"));
			assertThat(sender.send(message("delivery-3")).outcome()).isEqualTo(Outcome.SENT);

			assertThat(lost.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(server.taken()).containsExactly("<delivery-0@groundgame.example>",
					"<delivery-1@groundgame.example>", "<delivery-3@groundgame.example>");
			assertThat(server.connections()).isEqualTo(3);
			sender.destroy();
		}
	}

	@Test
	void aConnectionLostInTheMiddleOfAMessageAfterTheServerWasAskedFailsThatMessageOnlyAndNothingIsLostOrSentTwice()
			throws Exception {
		try (CountingSmtpServer server = new CountingSmtpServer()) {
			EmailSender sender = sender(server, EmailSender.IDLE_TIMEOUT, Duration.ZERO);
			server.dropDuringMessages(3);
			List<Outcome> outcomes = new ArrayList<>();

			for (int i = 0; i < 5; i++) {
				outcomes.add(sender.send(message("delivery-" + i)).outcome());
			}
			// Tried again, as the delivery's schedule does.
			EmailResult retried = sender.send(message("delivery-2"));

			assertThat(outcomes).containsExactly(Outcome.SENT, Outcome.SENT, Outcome.FAILED, Outcome.SENT,
					Outcome.SENT);
			assertThat(retried.outcome()).isEqualTo(Outcome.SENT);
			assertThat(server.taken()).containsExactly("<delivery-0@groundgame.example>",
					"<delivery-1@groundgame.example>", "<delivery-3@groundgame.example>",
					"<delivery-4@groundgame.example>", "<delivery-2@groundgame.example>");
			// One before the loss, one after it.
			assertThat(server.connections()).isEqualTo(2);
			sender.destroy();
		}
	}

	@Test
	void connectionsAreClosedWithAQuitWhenTheServiceStops() throws Exception {
		try (CountingSmtpServer server = new CountingSmtpServer()) {
			EmailSender sender = sender(server, EmailSender.IDLE_TIMEOUT, EmailSender.ASK_AFTER);
			sender.send(message("delivery-0"));
			assertThat(server.quits()).isZero();

			sender.destroy();

			assertThat(server.quits()).isEqualTo(1);
			await().atMost(Duration.ofSeconds(5)).until(() -> server.open() == 0);
		}
	}

	@Test
	void aConnectionIsClosedOnceIdleForTheTimeoutAndKeptOpenUntilThen() throws Exception {
		try (CountingSmtpServer server = new CountingSmtpServer()) {
			EmailSender keeping = sender(server, Duration.ofHours(1), EmailSender.ASK_AFTER);
			keeping.send(message("delivery-0"));

			keeping.closeIdleConnections();

			assertThat(server.quits()).isZero();
			keeping.send(message("delivery-1"));
			assertThat(server.connections()).isEqualTo(1);

			EmailSender closing = sender(server, Duration.ZERO, EmailSender.ASK_AFTER);
			closing.send(message("delivery-2"));

			closing.closeIdleConnections();

			assertThat(server.quits()).isEqualTo(1);
			assertThat(server.connections()).isEqualTo(2);
			keeping.destroy();
		}
	}

	private EmailSender sender(CountingSmtpServer server, Duration idleTimeout, Duration askAfter) {
		JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
		mailSender.setHost("127.0.0.1");
		mailSender.setPort(server.port());
		mailSender.setDefaultEncoding("UTF-8");
		Properties mail = new Properties();
		mail.put("mail.smtp.connectiontimeout", "5000");
		mail.put("mail.smtp.timeout", "5000");
		mail.put("mail.smtp.writetimeout", "5000");
		mailSender.setJavaMailProperties(mail);
		return new EmailSender(mailSender, this.properties, EmailConfiguration.smtpBreaker(null), idleTimeout,
				askAfter);
	}

	private static EmailMessage message(String id) {
		return new EmailMessage(id, "stl@chapters.example", "Subject", "Text", "<p>HTML</p>");
	}

	private static List<String> messageIds(int from, int to) {
		return IntStream.range(from, to).mapToObj((i) -> "<delivery-" + i + "@groundgame.example>").toList();
	}

}
