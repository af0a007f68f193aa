package org.groundgame.notification.email;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.groundgame.notification.email.EmailResult.Outcome;
import org.groundgame.notification.rule.Notice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sender against a real SMTP server in this JVM (GreenMail on 127.0.0.1), and against
 * servers that refuse, stall or are not there.
 */
class EmailSenderTests {

	private static final String ENDORSEMENT_GRANTED = "org.groundgame.endorsement.EndorsementGranted.v1";

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(
			new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withUser("relay", "right-password"));

	private final EmailTemplates templates = new EmailTemplates();

	private final EmailProperties properties = new EmailProperties("notifications@groundgame.example", "Ground Game",
			"organizers@groundgame.example");

	@Test
	void aNoticeIsDeliveredFromTheDeploymentsSenderWithTextAndHtmlParts() throws Exception {
		EmailMessage message = this.templates.notice("delivery-1", "stl@chapters.example", ENDORSEMENT_GRANTED,
				new Notice("Endorsed: Sam Rivera for State Senator (MO-4)", "National staff endorsed Sam Rivera."),
				"Mobilize Missouri - St. Louis");

		EmailResult result = sender(greenMailPort()).send(message);

		assertThat(result.outcome()).isEqualTo(Outcome.SENT);
		MimeMessage received = onlyReceived();
		assertThat(received.getFrom())
			.containsExactly(new InternetAddress("notifications@groundgame.example", "Ground Game", "UTF-8"));
		assertThat(received.getReplyTo()).containsExactly(new InternetAddress("organizers@groundgame.example"));
		assertThat(received.getRecipients(Message.RecipientType.TO))
			.containsExactly(new InternetAddress("stl@chapters.example"));
		assertThat(received.getSubject()).isEqualTo("Endorsed: Sam Rivera for State Senator (MO-4)");
		assertThat(received.getMessageID()).isEqualTo("<delivery-1@groundgame.example>");
		assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		assertThat(received.getContentType()).startsWith("multipart/alternative");
		MimeMultipart parts = (MimeMultipart) received.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("UTF-8");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("UTF-8");
		assertThat(text(parts.getBodyPart(0))).contains("Hello Mobilize Missouri - St. Louis,")
			.contains("National staff endorsed Sam Rivera.");
		assertThat(text(parts.getBodyPart(1))).contains("<h1").contains("National staff endorsed Sam Rivera.");
	}

	@Test
	void aRetriedMessageKeepsItsMessageId() throws Exception {
		EmailMessage message = this.templates.notice("delivery-7", "stl@chapters.example", ENDORSEMENT_GRANTED,
				new Notice("Endorsed: Sam Rivera", "Body"), null);
		EmailSender sender = sender(greenMailPort());

		sender.send(message);
		sender.send(message);

		assertThat(greenMail.waitForIncomingEmail(5_000, 2)).isTrue();
		assertThat(greenMail.getReceivedMessages()).extracting(MimeMessage::getMessageID)
			.containsExactly("<delivery-7@groundgame.example>", "<delivery-7@groundgame.example>");
	}

	@Test
	void aMessageToAPersonCarriesTheOneClickUnsubscribeOfRfc8058AndAChaptersDoesNot() throws Exception {
		String oneClick = "https://groundgame.example/api/notifications/unsubscribe?token=p-123456789.SHIFTS.sig";
		EmailSender sender = sender(greenMailPort());

		sender.send(new EmailMessage("delivery-8", "sam@example.org", "Subject", "Text", "<p>HTML</p>", oneClick));
		sender.send(message("stl@chapters.example"));

		assertThat(greenMail.waitForIncomingEmail(5_000, 2)).isTrue();
		MimeMessage toPerson = greenMail.getReceivedMessagesForDomain("example.org")[0];
		assertThat(toPerson.getHeader("List-Unsubscribe")).containsExactly("<" + oneClick + ">");
		assertThat(toPerson.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		MimeMessage toChapter = greenMail.getReceivedMessagesForDomain("chapters.example")[0];
		assertThat(toChapter.getHeader("List-Unsubscribe")).isNull();
		assertThat(toChapter.getHeader("List-Unsubscribe-Post")).isNull();
	}

	@Test
	void aOneClickAddressIsAnHttpUrlAndNothingThatCouldBreakTheHeader() {
		for (String bad : new String[] { "mailto:stop@example.org", "https://a.example/x>, <https://b.example/",
				"https://a.example/x\r\nBcc: b@example.org", "javascript:alert(1)" }) {
			org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
				.isThrownBy(() -> new EmailMessage("d", "sam@example.org", "S", "T", "H", bad));
		}
	}

	@Test
	void nonAsciiTextArrivesIntact() throws Exception {
		EmailMessage message = this.templates.notice("delivery-2", "stl@chapters.example", ENDORSEMENT_GRANTED,
				new Notice("Endorsed: José Núñez — Ward 3", "Félicitations, Zoë!"), "Chapitre d'Orléans");

		assertThat(sender(greenMailPort()).send(message).outcome()).isEqualTo(Outcome.SENT);

		MimeMessage received = onlyReceived();
		assertThat(received.getSubject()).isEqualTo("Endorsed: José Núñez — Ward 3");
		MimeMultipart parts = (MimeMultipart) received.getContent();
		assertThat(text(parts.getBodyPart(0))).contains("Félicitations, Zoë!").contains("Chapitre d'Orléans");
	}

	@Test
	void aCandidateNamedLikeMarkupStaysTextInTheDeliveredHtml() throws Exception {
		EmailMessage message = this.templates.notice("delivery-3", "stl@chapters.example", ENDORSEMENT_GRANTED,
				new Notice("Endorsed: <script>alert(1)</script>", "<img src=x onerror=alert(1)> & co"), null);

		sender(greenMailPort()).send(message);

		MimeMultipart parts = (MimeMultipart) onlyReceived().getContent();
		assertThat(text(parts.getBodyPart(1))).doesNotContain("<script>")
			.doesNotContain("<img")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("&lt;img src")
			.contains("&amp; co");
		assertThat(text(parts.getBodyPart(0))).contains("Endorsed: <script>alert(1)</script>");
	}

	@Test
	void aDigestIsDeliveredListingEveryNotice() throws Exception {
		List<Notice> notices = List.of(new Notice("Nomination received: A", "First."),
				new Notice("Endorsed: B", "Second."), new Notice("Won: C", "Third."));
		EmailMessage digest = this.templates.digest("digest-stl-2026-11-03", "stl@chapters.example",
				LocalDate.of(2026, 11, 3), notices, "St. Louis");

		assertThat(sender(greenMailPort()).send(digest).outcome()).isEqualTo(Outcome.SENT);

		MimeMessage received = onlyReceived();
		assertThat(received.getSubject()).contains("November 3, 2026").contains("3 notifications");
		MimeMultipart parts = (MimeMultipart) received.getContent();
		for (Notice notice : notices) {
			assertThat(text(parts.getBodyPart(0))).contains(notice.title()).contains(notice.body());
			assertThat(text(parts.getBodyPart(1))).contains(notice.title()).contains(notice.body());
		}
	}

	@Test
	void anInvalidAddressIsRejectedWithoutAskingTheServer() {
		EmailResult result = sender(greenMailPort())
			.send(new EmailMessage("delivery-4", "not an address", "Subject", "text", "<p>html</p>"));

		assertThat(result).isEqualTo(new EmailResult(Outcome.REJECTED, "invalid address"));
		assertThat(greenMail.getReceivedMessages()).isEmpty();
	}

	@Test
	void aRecipientRefusedForGoodIsRejectedWithoutTheirAddressInTheDetail() throws IOException {
		try (RefusingSmtpServer server = new RefusingSmtpServer("550 5.1.1 <gone@chapters.example>: no such user")) {
			EmailResult result = sender(server.port()).send(message("gone@chapters.example"));

			assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
			assertThat(result.detail()).contains("550")
				.contains("no such user")
				.doesNotContain("gone@chapters.example");
		}
	}

	@Test
	void aRecipientRefusedForNowFailsToBeTriedAgain() throws IOException {
		try (RefusingSmtpServer server = new RefusingSmtpServer("450 4.2.1 mailbox busy, try later")) {
			EmailResult result = sender(server.port()).send(message("busy@chapters.example"));

			assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(result.detail()).contains("450");
		}
	}

	@Test
	void credentialsTheServerRefusesFail() {
		JavaMailSenderImpl mailSender = mailSender(greenMailPort(), Duration.ofSeconds(5));
		mailSender.setUsername("relay");
		mailSender.setPassword("wrong-password");
		mailSender.getJavaMailProperties().put("mail.smtp.auth", "true");

		EmailResult result = new EmailSender(mailSender, this.properties, breaker())
			.send(message("a@chapters.example"));

		assertThat(result).isEqualTo(new EmailResult(Outcome.FAILED, "the mail server refused our credentials"));
	}

	@Test
	void aMailServerThatIsNotThereFailsAtOnce() throws IOException {
		long started = System.nanoTime();

		EmailResult result = sender(closedPort()).send(message("a@chapters.example"));

		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.detail()).startsWith("could not reach the mail server");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void aMailServerThatNeverAnswersFailsWithinTheTimeout() throws IOException {
		// Bound with a backlog but never accepting: the connection is made, no greeting
		// comes.
		try (ServerSocket silent = new ServerSocket()) {
			silent.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
			EmailSender sender = new EmailSender(mailSender(silent.getLocalPort(), Duration.ofMillis(300)),
					this.properties, breaker());
			long started = System.nanoTime();

			EmailResult result = sender.send(message("a@chapters.example"));

			assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		}
	}

	@Test
	void theBreakerOpensAfterRepeatedFailuresAndThenFailsWithoutAskingTheServer() throws IOException {
		CircuitBreaker breaker = breaker();
		EmailSender sender = new EmailSender(mailSender(closedPort(), Duration.ofSeconds(1)), this.properties, breaker);

		for (int attempt = 0; attempt < 5; attempt++) {
			assertThat(sender.send(message("a@chapters.example")).detail()).startsWith("could not reach");
		}

		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(sender.send(message("a@chapters.example")))
			.isEqualTo(new EmailResult(Outcome.FAILED, "smtp circuit open"));
	}

	@Test
	void recipientsRefusedForGoodDoNotOpenTheBreaker() throws IOException {
		CircuitBreaker breaker = breaker();
		try (RefusingSmtpServer server = new RefusingSmtpServer("550 5.1.1 no such user")) {
			EmailSender sender = new EmailSender(mailSender(server.port(), Duration.ofSeconds(5)), this.properties,
					breaker);

			for (int attempt = 0; attempt < 10; attempt++) {
				assertThat(sender.send(message("gone@chapters.example")).outcome()).isEqualTo(Outcome.REJECTED);
			}
		}

		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void withoutAMailServerEveryMessageFailsSayingEmailIsNotConfigured() {
		EmailSender sender = new EmailSender(null, this.properties, breaker());

		assertThat(sender.isConfigured()).isFalse();
		assertThat(sender.send(message("a@chapters.example")))
			.isEqualTo(new EmailResult(Outcome.FAILED, "e-mail is not configured"));
	}

	@Test
	void theReplyToIsTheSenderUnlessConfigured() throws Exception {
		EmailSender sender = new EmailSender(mailSender(greenMailPort(), Duration.ofSeconds(5)),
				new EmailProperties("notifications@groundgame.example", "Ground Game", null), breaker());

		sender.send(message("a@chapters.example"));

		assertThat(onlyReceived().getReplyTo())
			.containsExactly(new InternetAddress("notifications@groundgame.example", "Ground Game", "UTF-8"));
	}

	@Test
	void aMessageIdIsMadeSafeForTheHeader() {
		EmailSender sender = new EmailSender(null, this.properties, breaker());

		assertThat(sender.messageId("6a1f0c52-9b1e-4c4e-8f7e-0d3c1b2a9f10/email"))
			.isEqualTo("<6a1f0c52-9b1e-4c4e-8f7e-0d3c1b2a9f10/email@groundgame.example>");
		assertThat(sender.messageId("a b<c>@d")).isEqualTo("<a-b-c--d@groundgame.example>");
	}

	private EmailMessage message(String to) {
		return new EmailMessage("delivery-x", to, "Subject", "Text", "<p>HTML</p>");
	}

	private EmailSender sender(int port) {
		return new EmailSender(mailSender(port, Duration.ofSeconds(5)), this.properties, breaker());
	}

	private static JavaMailSenderImpl mailSender(int port, Duration timeout) {
		JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
		mailSender.setHost("127.0.0.1");
		mailSender.setPort(port);
		mailSender.setDefaultEncoding("UTF-8");
		Properties properties = new Properties();
		String millis = Long.toString(timeout.toMillis());
		properties.put("mail.smtp.connectiontimeout", millis);
		properties.put("mail.smtp.timeout", millis);
		properties.put("mail.smtp.writetimeout", millis);
		mailSender.setJavaMailProperties(properties);
		return mailSender;
	}

	private static CircuitBreaker breaker() {
		return EmailConfiguration.smtpBreaker(null);
	}

	private static int greenMailPort() {
		return greenMail.getSmtp().getPort();
	}

	private static MimeMessage onlyReceived() {
		assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		return received[0];
	}

	private static String text(BodyPart part) throws IOException, MessagingException {
		return (String) part.getContent();
	}

	/** A port nothing listens on: taken, then let go. */
	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
			return socket.getLocalPort();
		}
	}

}
