package org.groundgame.platform;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server in the launcher's JVM (GreenMail, on 127.0.0.1) that takes mail for
 * anyone and keeps it, so that the e-mails the platform sends can be read on the
 * {@link Mailbox} page instead of reaching anybody.
 * <p>
 * The mail is kept in memory, the newest {@value #CAPACITY} messages: it is a developer's
 * window on what the platform sends now. Kept across restarts it would mix one run's mail
 * with the next; the notification-service's delivery log is the lasting record of what
 * was sent to whom.
 */
final class MailCatcher implements AutoCloseable {

	static final int CAPACITY = 1000;

	private final GreenMail greenMail;

	private final Deque<CaughtMail> mail = new ArrayDeque<>();

	/** A message with several recipients is delivered once per recipient: one entry. */
	private final Map<MovingMessage, CaughtMail> byMessage = Collections.synchronizedMap(new WeakHashMap<>());

	private long lastId;

	private MailCatcher(int port) {
		ServerSetup smtp = new ServerSetup(port, PortCheck.LOOPBACK, ServerSetup.PROTOCOL_SMTP);
		this.greenMail = new GreenMail((port == 0) ? smtp.dynamicPort() : smtp);
		// Every recipient is caught here rather than in a GreenMail mailbox of its own.
		this.greenMail.getUserManager().setMessageDeliveryHandler(this::catchFor);
	}

	/**
	 * Starts the SMTP server.
	 * @param port its port on 127.0.0.1, 0 for any free one
	 * @return the running server
	 */
	static MailCatcher start(int port) {
		MailCatcher catcher = new MailCatcher(port);
		try {
			catcher.greenMail.start();
		}
		catch (RuntimeException ex) {
			catcher.close();
			throw ex;
		}
		return catcher;
	}

	int smtpPort() {
		return this.greenMail.getSmtp().getPort();
	}

	/**
	 * The mail caught so far, newest first.
	 * @return a snapshot
	 */
	List<CaughtMail> messages() {
		synchronized (this.mail) {
			return List.copyOf(this.mail);
		}
	}

	Optional<CaughtMail> message(long id) {
		synchronized (this.mail) {
			return this.mail.stream().filter((caught) -> caught.id() == id).findFirst();
		}
	}

	/** Forgets every message. */
	void clear() {
		synchronized (this.mail) {
			this.mail.clear();
		}
	}

	private GreenMailUser catchFor(MovingMessage message, MailAddress recipient) {
		CaughtMail caught = this.byMessage.computeIfAbsent(message, (key) -> keep(key.getMessage()));
		caught.addRecipient(recipient.getEmail());
		return new Catching(recipient.getEmail());
	}

	private CaughtMail keep(MimeMessage message) {
		synchronized (this.mail) {
			CaughtMail caught = new CaughtMail(++this.lastId, Instant.now(), message);
			this.mail.addFirst(caught);
			while (this.mail.size() > CAPACITY) {
				this.mail.removeLast();
			}
			return caught;
		}
	}

	@Override
	public void close() {
		this.greenMail.stop();
	}

	@Override
	public String toString() {
		return "the mail catcher";
	}

	/**
	 * One message as it arrived.
	 *
	 * @param id its number in this run, from 1
	 * @param receivedAt when it arrived
	 * @param message the message itself
	 * @param recipients who it was sent to (the SMTP envelope's recipients)
	 */
	record CaughtMail(long id, Instant receivedAt, MimeMessage message, List<String> recipients) {

		CaughtMail(long id, Instant receivedAt, MimeMessage message) {
			this(id, receivedAt, message, new CopyOnWriteArrayList<>());
		}

		private void addRecipient(String address) {
			this.recipients.add(address);
		}

		@Override
		public List<String> recipients() {
			return new ArrayList<>(this.recipients);
		}

	}

	/**
	 * Where GreenMail hands a recipient's copy: nowhere, since {@link #catchFor} kept the
	 * message already.
	 */
	private record Catching(String email) implements GreenMailUser {

		@Override
		public String getEmail() {
			return this.email;
		}

		@Override
		public String getLogin() {
			return this.email;
		}

		@Override
		public void deliver(MovingMessage message) {
		}

		@Override
		public void deliver(MimeMessage message) {
		}

		@Override
		public void create() {
		}

		@Override
		public void delete() {
		}

		@Override
		public String getPassword() {
			return "";
		}

		@Override
		public void setPassword(String password) {
		}

		@Override
		public void authenticate(String password) {
		}

		@Override
		public String getQualifiedMailboxName() {
			return this.email;
		}

	}

}
