package org.groundgame.notification.email;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends one e-mail over SMTP and says what became of it: {@code SENT}, {@code FAILED}
 * (try again later) or {@code REJECTED} (for good). Never throws for a mail problem.
 * <p>
 * Each message is {@code multipart/alternative} (plain text, then HTML, both UTF-8), from
 * and replying to the deployment's addresses, with a {@code Message-ID} made from the
 * message's id, so that a retried message is recognisably the same one. A circuit breaker
 * named {@code smtp} counts the failures of the mail server (not the refusals of a
 * recipient) and, once open, answers {@code FAILED} at once without asking the server.
 * <p>
 * Messages go over SMTP connections kept open between them ({@link SmtpConnections}): at
 * most one per message being sent at once, each closed after a failure, when the server
 * closed it, after {@link #IDLE_TIMEOUT} unused and when the service stops.
 * <p>
 * Without a mail server ({@code spring.mail.host} unset) every message fails with "e-mail
 * is not configured", so that the service runs without one and the delivery log says why.
 */
@Component
public class EmailSender implements DisposableBean {

	/**
	 * How long an SMTP connection stays open unused: well within the five minutes a
	 * server should wait for a command (RFC 5321, 4.5.3.2.7), long enough to carry the
	 * e-mails of one event and of the events that follow it closely.
	 */
	static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * How long after its last message a connection is used again without asking the
	 * server first (a {@code NOOP}): the e-mails of one fan-out follow each other
	 * closely, and a connection the server closed within this window costs its message a
	 * second try over a new connection, not a failure. As HikariCP's bypass of its alive
	 * check for a connection used within the last 500 ms.
	 */
	static final Duration ASK_AFTER = Duration.ofMillis(500);

	static final String NOT_CONFIGURED = "e-mail is not configured";

	static final String CIRCUIT_OPEN = "smtp circuit open";

	private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

	/**
	 * What a server's answer may say about the recipient, kept out of the delivery log.
	 */
	private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");

	/** What RFC 5322 allows in the left part of a Message-ID (dot-atom text). */
	private static final Pattern NOT_ATEXT = Pattern.compile("[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]");

	private final @Nullable JavaMailSender mailSender;

	/**
	 * The kept-open connections, where the mail sender is Spring's own (whose settings
	 * they connect with); {@code null} for any other, which sends each message its way.
	 */
	private final @Nullable SmtpConnections connections;

	private final CircuitBreaker breaker;

	private final InternetAddress from;

	private final InternetAddress replyTo;

	private final String messageIdDomain;

	/**
	 * The service's sender, over Spring Boot's {@link JavaMailSender} where
	 * {@code spring.mail.host} is set, and with the {@code smtp} breaker of the
	 * application's registry where there is one ({@link EmailConfiguration#smtpBreaker}).
	 */
	@Autowired
	EmailSender(ObjectProvider<JavaMailSender> mailSender, EmailProperties properties,
			ObjectProvider<CircuitBreakerRegistry> registry) {
		this(configured(mailSender.getIfAvailable()), properties,
				EmailConfiguration.smtpBreaker(registry.getIfAvailable()));
	}

	private static @Nullable JavaMailSender configured(@Nullable JavaMailSender sender) {
		if (sender == null) {
			log.warn("E-mail is not configured (spring.mail.host is not set): e-mail deliveries fail until it is");
		}
		return sender;
	}

	/**
	 * A sender.
	 * @param mailSender the SMTP client, or {@code null} where no mail server is
	 * configured
	 * @param properties who the messages are from
	 * @param breaker the circuit breaker around the mail server
	 */
	public EmailSender(@Nullable JavaMailSender mailSender, EmailProperties properties, CircuitBreaker breaker) {
		this(mailSender, properties, breaker, IDLE_TIMEOUT, ASK_AFTER);
	}

	/**
	 * A sender whose connections stay open unused for {@code idleTimeout} and are used
	 * again without asking the server within {@code askAfter} of their last message.
	 */
	EmailSender(@Nullable JavaMailSender mailSender, EmailProperties properties, CircuitBreaker breaker,
			Duration idleTimeout, Duration askAfter) {
		this.mailSender = mailSender;
		this.connections = (mailSender instanceof JavaMailSenderImpl spring)
				? new SmtpConnections(() -> connect(spring), idleTimeout, askAfter) : null;
		this.breaker = Objects.requireNonNull(breaker, "breaker");
		this.from = address(properties.from(), properties.fromName(), "groundgame.notification.email.from");
		this.replyTo = address(properties.replyToOrFrom(), null, "groundgame.notification.email.reply-to");
		String sender = this.from.getAddress();
		this.messageIdDomain = sender.substring(sender.lastIndexOf('@') + 1);
	}

	/**
	 * Whether a mail server is configured at all.
	 * @return {@code false} if every message fails with "e-mail is not configured"
	 */
	public boolean isConfigured() {
		return this.mailSender != null;
	}

	/**
	 * Sends one message, once.
	 * @param message what to send, and to whom
	 * @return what became of it; its detail never holds an e-mail address
	 */
	public EmailResult send(EmailMessage message) {
		if (this.mailSender == null) {
			return EmailResult.failed(NOT_CONFIGURED);
		}
		InternetAddress to;
		try {
			to = new InternetAddress(message.to(), true);
			to.validate();
		}
		catch (AddressException ex) {
			return EmailResult.rejected("invalid address");
		}
		MimeMessage mime;
		try {
			mime = compose(this.mailSender.createMimeMessage(), message, to);
		}
		catch (MessagingException | RuntimeException ex) {
			log.warn("Could not compose e-mail {}", message.messageId(), ex);
			return EmailResult.rejected("could not compose the message: " + redact(ex.getMessage()));
		}
		if (!this.breaker.tryAcquirePermission()) {
			return EmailResult.failed(CIRCUIT_OPEN);
		}
		long started = System.nanoTime();
		EmailResult result;
		Throwable failure = null;
		try {
			send(mime);
			result = EmailResult.sent("accepted by the mail server");
		}
		catch (MailException ex) {
			failure = ex;
			result = classify(ex);
		}
		catch (RuntimeException ex) {
			failure = ex;
			result = EmailResult.failed(describe(ex));
		}
		long elapsed = System.nanoTime() - started;
		if (result.outcome() == EmailResult.Outcome.FAILED) {
			// The server failed us: the breaker's business.
			this.breaker.onError(elapsed, TimeUnit.NANOSECONDS, failure);
			log.info("E-mail {} not sent: {}", message.messageId(), result.detail());
		}
		else {
			// Sent, or refused by a server that answered: the server works.
			this.breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
			if (result.outcome() == EmailResult.Outcome.REJECTED) {
				log.info("E-mail {} refused for good: {}", message.messageId(), result.detail());
			}
		}
		return result;
	}

	/**
	 * Sends over a kept-open connection where there are such, failing as
	 * {@link JavaMailSenderImpl#send(MimeMessage)} fails, so that one classification
	 * serves both.
	 */
	private void send(MimeMessage mime) {
		if (this.connections == null) {
			this.mailSender.send(mime);
			return;
		}
		try {
			this.connections.send(mime);
		}
		catch (AuthenticationFailedException ex) {
			throw new MailAuthenticationException(ex);
		}
		catch (MessagingException ex) {
			Map<Object, Exception> failed = new LinkedHashMap<>();
			failed.put(mime, ex);
			throw new MailSendException(failed);
		}
	}

	/**
	 * A new connection with the settings of Spring Boot's mail sender (host, port,
	 * credentials, protocol and {@code spring.mail.properties}), as it connects one.
	 */
	private static Transport connect(JavaMailSenderImpl settings) throws MessagingException {
		String username = settings.getUsername();
		String password = settings.getPassword();
		if ("".equals(username)) {
			// An empty placeholder: no login.
			username = null;
			if ("".equals(password)) {
				password = null;
			}
		}
		Session session = settings.getSession();
		String protocol = settings.getProtocol();
		if (protocol == null) {
			protocol = session.getProperty("mail.transport.protocol");
		}
		Transport transport = session.getTransport((protocol != null) ? protocol : JavaMailSenderImpl.DEFAULT_PROTOCOL);
		try {
			transport.connect(settings.getHost(), settings.getPort(), username, password);
		}
		catch (MessagingException | RuntimeException ex) {
			try {
				transport.close();
			}
			catch (MessagingException closing) {
				// Not connected: nothing to close.
			}
			throw ex;
		}
		return transport;
	}

	/** Closes the connections unused for the idle timeout. */
	@Scheduled(fixedDelay = 10_000, initialDelay = 10_000)
	void closeIdleConnections() {
		if (this.connections != null) {
			this.connections.closeIdle();
		}
	}

	/** Closes every connection kept open (the service stops). */
	@Override
	public void destroy() {
		if (this.connections != null) {
			this.connections.close();
		}
	}

	private MimeMessage compose(MimeMessage mime, EmailMessage message, InternetAddress to) throws MessagingException {
		mime.setFrom(this.from);
		mime.setReplyTo(new InternetAddress[] { this.replyTo });
		mime.setRecipient(Message.RecipientType.TO, to);
		mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
		mime.setSentDate(new Date());
		// Kept through saving the message (by SmtpConnections, as by JavaMailSenderImpl).
		mime.setHeader("Message-ID", messageId(message.messageId()));
		// RFC 3834: no out-of-office answers to a notification.
		mime.setHeader("Auto-Submitted", "auto-generated");
		if (message.listUnsubscribe() != null) {
			// RFC 8058: a mail client's "unsubscribe" POSTs List-Unsubscribe=One-Click
			// there.
			mime.setHeader("List-Unsubscribe", "<" + message.listUnsubscribe() + ">");
			mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		MimeBodyPart text = new MimeBodyPart();
		text.setText(message.text(), StandardCharsets.UTF_8.name(), "plain");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
		// The last part is the one a client prefers: HTML where it can show it.
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(text);
		alternative.addBodyPart(html);
		mime.setContent(alternative);
		return mime;
	}

	/**
	 * The {@code Message-ID} of a message: the same for every attempt to send it.
	 * @param messageId the message's own id
	 * @return e.g. {@code <delivery-42@groundgame.localhost>}
	 */
	String messageId(String messageId) {
		String local = NOT_ATEXT.matcher(messageId)
			.replaceAll("-")
			.replaceAll("^\\.+|\\.+$", "")
			.replaceAll("\\.{2,}", ".");
		return "<" + (local.isEmpty() ? "message" : local) + "@" + this.messageIdDomain + ">";
	}

	/**
	 * What an SMTP failure means for the message: a recipient refused with a 5xx or an
	 * invalid address is for good; everything else (no connection, a timeout, our
	 * credentials refused, a 4xx, the sender refused: our configuration) is for now.
	 */
	static EmailResult classify(MailException ex) {
		if (ex instanceof MailAuthenticationException) {
			return EmailResult.failed("the mail server refused our credentials");
		}
		List<Throwable> causes = new ArrayList<>();
		if (ex instanceof MailSendException send) {
			send.getFailedMessages().values().forEach((failure) -> collect(failure, causes));
		}
		collect(ex.getCause(), causes);
		for (Throwable cause : causes) {
			if (cause instanceof SMTPAddressFailedException refused && isPermanent(refused.getReturnCode())) {
				return EmailResult.rejected("recipient refused: " + redact(refused.getMessage()));
			}
			if (cause instanceof SMTPSendFailedException refused && isPermanent(refused.getReturnCode())) {
				return EmailResult.rejected("message refused: " + redact(refused.getMessage()));
			}
		}
		for (Throwable cause : causes) {
			if (cause instanceof SMTPAddressFailedException || cause instanceof SMTPSendFailedException) {
				return EmailResult.failed("refused for now: " + redact(cause.getMessage()));
			}
			if (cause instanceof SMTPSenderFailedException refused) {
				return EmailResult.failed(
						"sender refused (check groundgame.notification.email.from): " + redact(refused.getMessage()));
			}
			if (cause instanceof AuthenticationFailedException) {
				return EmailResult.failed("the mail server refused our credentials");
			}
		}
		for (Throwable cause : causes) {
			if (cause instanceof SendFailedException refused && refused.getInvalidAddresses() != null
					&& refused.getInvalidAddresses().length > 0) {
				return EmailResult.rejected("invalid address");
			}
		}
		for (Throwable cause : causes) {
			if (cause instanceof IOException) {
				return EmailResult.failed("could not reach the mail server: " + describe(cause));
			}
		}
		return EmailResult.failed(describe(causes.isEmpty() ? ex : causes.get(0)));
	}

	private static boolean isPermanent(int smtpReplyCode) {
		return smtpReplyCode >= 500 && smtpReplyCode < 600;
	}

	/** A failure, its causes and the exceptions chained to a MessagingException. */
	private static void collect(@Nullable Throwable failure, List<Throwable> causes) {
		Throwable current = failure;
		while (current != null && !causes.contains(current)) {
			causes.add(current);
			if (current instanceof MessagingException messaging && messaging.getNextException() != null
					&& messaging.getNextException() != messaging.getCause()) {
				collect(messaging.getNextException(), causes);
			}
			current = current.getCause();
		}
	}

	private static String describe(Throwable failure) {
		String message = failure.getMessage();
		return redact((message == null || message.isBlank()) ? failure.getClass().getSimpleName()
				: failure.getClass().getSimpleName() + ": " + message.strip());
	}

	/** A server's answer without the addresses in it (they are personal data). */
	static String redact(@Nullable String text) {
		if (text == null) {
			return "";
		}
		return ADDRESS.matcher(text.strip()).replaceAll("(address)");
	}

	private static InternetAddress address(String address, @Nullable String name, String property) {
		try {
			InternetAddress parsed = new InternetAddress(address, true);
			parsed.validate();
			if (name != null && !name.isBlank()) {
				parsed.setPersonal(name, StandardCharsets.UTF_8.name());
			}
			return parsed;
		}
		catch (AddressException | UnsupportedEncodingException ex) {
			throw new IllegalArgumentException(property + " is not an e-mail address: " + ex.getMessage(), ex);
		}
	}

}
