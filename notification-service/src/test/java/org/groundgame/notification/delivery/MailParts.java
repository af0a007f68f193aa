package org.groundgame.notification.delivery;

import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** What the e-mail tests read of a message the SMTP catcher received. */
final class MailParts {

	private MailParts() {
	}

	static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The plain-text part of a multipart/alternative message, decoded. */
	static String textOf(MimeMessage message) {
		try {
			return ((String) ((Multipart) message.getContent()).getBodyPart(0).getContent()).replace("\r\n", "\n");
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
