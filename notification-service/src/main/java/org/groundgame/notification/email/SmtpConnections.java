package org.groundgame.notification.email;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMTP connections kept open between messages, so that a message costs its own commands
 * ({@code MAIL}, {@code RCPT}, {@code DATA}) rather than a connection, a greeting, an
 * {@code EHLO} (and a login) and a {@code QUIT} besides, as {@code JavaMailSender.send}
 * does per call.
 * <p>
 * A send takes the connection used last (or connects a new one, see {@link Connector}),
 * unless it was used a moment ago ({@code askAfter}) asks the server whether it is still
 * there (a {@code NOOP}, as Spring's {@code JavaMailSenderImpl} does between the messages
 * of a batch) and connects anew if not, sends, and gives the connection back. Where a
 * connection used a moment ago turns out closed by the server (no answer, or
 * {@code 421}), the message goes once more over a new connection: it never got through
 * the closed one. A connection whose message failed is closed rather than given back:
 * whatever state the failure left it in, the next message starts on a fresh one. So there
 * are never more connections open than messages were being sent at once (the e-mail
 * workers, and the digests and notices that send now and then), and a connection not used
 * for {@code idleTimeout} is closed ({@link #closeIdle()}, and when taken), long before a
 * server would time it out.
 * <p>
 * Plain Jakarta Mail: failures are thrown as the client threw them, for the sender to
 * read.
 */
final class SmtpConnections implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);

	private static final String HEADER_MESSAGE_ID = "Message-ID";

	/** What Jakarta Mail records as the reply where the stream ended instead. */
	private static final int NO_ANSWER = -1;

	/** The server closes the transmission channel (RFC 5321, 3.8). */
	private static final int SERVICE_CLOSING = 421;

	private final Connector connector;

	private final long idleTimeoutNanos;

	private final long askAfterNanos;

	/** The idle connections, the one used last first. Guarded by itself. */
	private final Deque<Idle> idle = new ArrayDeque<>();

	private boolean closed;

	/**
	 * Connections to one mail server.
	 * @param connector connects a new one
	 * @param idleTimeout how long an unused connection stays open
	 * @param askAfter how long after its last message a connection is asked whether it is
	 * still open before it is used again; one used more recently is used at once (and if
	 * the server has closed it meanwhile, the message goes over a new one)
	 */
	SmtpConnections(Connector connector, Duration idleTimeout, Duration askAfter) {
		this.connector = connector;
		this.idleTimeoutNanos = idleTimeout.toNanos();
		this.askAfterNanos = askAfter.toNanos();
	}

	/**
	 * Sends one message over a kept-open connection, or a new one.
	 * @param mime the message
	 * @throws MessagingException what the client threw: a connection refused or lost,
	 * credentials refused ({@link jakarta.mail.AuthenticationFailedException}), the
	 * server's refusal of the message or a recipient
	 */
	void send(MimeMessage mime) throws MessagingException {
		prepare(mime);
		Address[] recipients = mime.getAllRecipients();
		Taken taken = take();
		try {
			sendOver(taken.transport(), mime, recipients);
		}
		catch (MessagingException ex) {
			if (taken.checked() || !connectionLost(ex)) {
				throw ex;
			}
			// Used a moment ago, unasked, and closed by the server since: the message
			// never got through it, so once more over a new connection.
			sendOver(this.connector.connect(), mime, recipients);
		}
	}

	/** Sends, and gives the connection back, or closes it if the message failed. */
	private void sendOver(Transport transport, MimeMessage mime, Address[] recipients) throws MessagingException {
		boolean sent = false;
		try {
			transport.sendMessage(mime, (recipients != null) ? recipients : new Address[0]);
			sent = true;
		}
		finally {
			if (sent) {
				giveBack(transport);
			}
			else {
				close(transport);
			}
		}
	}

	/**
	 * As {@code JavaMailSenderImpl} does: a date, and the Message-ID kept through saving.
	 */
	private static void prepare(MimeMessage mime) throws MessagingException {
		if (mime.getSentDate() == null) {
			mime.setSentDate(new Date());
		}
		String messageId = mime.getMessageID();
		mime.saveChanges();
		if (messageId != null) {
			mime.setHeader(HEADER_MESSAGE_ID, messageId);
		}
	}

	/**
	 * The connection used last if it was used a moment ago or the server still answers on
	 * it, else a new one.
	 */
	private Taken take() throws MessagingException {
		while (true) {
			Idle candidate;
			synchronized (this.idle) {
				candidate = this.idle.pollFirst();
			}
			if (candidate == null) {
				return new Taken(this.connector.connect(), true);
			}
			long now = System.nanoTime();
			if (candidate.expired(now, this.idleTimeoutNanos)) {
				close(candidate.transport());
			}
			else if (now - candidate.since() < this.askAfterNanos) {
				// Used a moment ago: not asked (a round trip less per message).
				return new Taken(candidate.transport(), false);
			}
			else if (candidate.transport().isConnected()) {
				// A NOOP answered: the server kept it open.
				return new Taken(candidate.transport(), true);
			}
			// else the server closed it meanwhile (isConnected closed our end too).
		}
	}

	/**
	 * Whether a message failed because its connection was gone: no answer (the server had
	 * closed it: an I/O error, or the end of the stream where an answer was due) or
	 * {@code 421}, the server closing the channel. Then the message did not get through
	 * (a server takes a message with its {@code 250} after the content, which a closed
	 * connection never carries).
	 */
	static boolean connectionLost(MessagingException failure) {
		List<Throwable> seen = new ArrayList<>();
		Throwable current = failure;
		while (current != null && !seen.contains(current)) {
			seen.add(current);
			if (current instanceof IOException) {
				return true;
			}
			int code = returnCode(current);
			if (code == NO_ANSWER || code == SERVICE_CLOSING) {
				return true;
			}
			current = (current instanceof MessagingException messaging && messaging.getNextException() != null)
					? messaging.getNextException() : current.getCause();
		}
		return false;
	}

	private static int returnCode(Throwable failure) {
		if (failure instanceof SMTPSendFailedException refused) {
			return refused.getReturnCode();
		}
		if (failure instanceof SMTPSenderFailedException refused) {
			return refused.getReturnCode();
		}
		if (failure instanceof SMTPAddressFailedException refused) {
			return refused.getReturnCode();
		}
		return 0;
	}

	private void giveBack(Transport transport) {
		synchronized (this.idle) {
			if (!this.closed) {
				this.idle.addFirst(new Idle(transport, System.nanoTime()));
				return;
			}
		}
		close(transport);
	}

	/**
	 * Closes the connections not used for the idle timeout.
	 * @return how many were closed
	 */
	int closeIdle() {
		long now = System.nanoTime();
		List<Transport> expired = new ArrayList<>();
		synchronized (this.idle) {
			for (Iterator<Idle> it = this.idle.iterator(); it.hasNext();) {
				Idle candidate = it.next();
				if (candidate.expired(now, this.idleTimeoutNanos)) {
					it.remove();
					expired.add(candidate.transport());
				}
			}
		}
		expired.forEach(SmtpConnections::close);
		return expired.size();
	}

	/** Closes every idle connection, and every other one as it comes back. */
	@Override
	public void close() {
		List<Idle> open;
		synchronized (this.idle) {
			this.closed = true;
			open = new ArrayList<>(this.idle);
			this.idle.clear();
		}
		open.forEach((connection) -> close(connection.transport()));
	}

	/** Says {@code QUIT} if it can, and lets the connection go. */
	private static void close(Transport transport) {
		if (transport == null) {
			return;
		}
		try {
			transport.close();
		}
		catch (MessagingException | RuntimeException ex) {
			log.debug("Closing an SMTP connection failed: {}", ex.getClass().getSimpleName());
		}
	}

	/** Connects a new connection, logged in where the server wants it. */
	@FunctionalInterface
	interface Connector {

		Transport connect() throws MessagingException;

	}

	/**
	 * A connection taken for a message.
	 *
	 * @param checked new, or asked with a {@code NOOP}; else used a moment ago and not
	 * asked
	 */
	private record Taken(Transport transport, boolean checked) {
	}

	private record Idle(Transport transport, long since) {

		boolean expired(long now, long timeoutNanos) {
			return now - this.since >= timeoutNanos;
		}

	}

}
