package org.groundgame.notification.email;

import java.util.Objects;

/**
 * One e-mail to one recipient, ready to send.
 *
 * @param messageId what makes this message itself: the same for every attempt to send it,
 * so that a retried message carries the same {@code Message-ID} and a mail client shows
 * it once
 * @param to the recipient's address
 * @param subject the subject line
 * @param text the plain-text part
 * @param html the HTML part
 */
public record EmailMessage(String messageId, String to, String subject, String text, String html) {

	public EmailMessage {
		Objects.requireNonNull(messageId, "messageId");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(html, "html");
	}

}
