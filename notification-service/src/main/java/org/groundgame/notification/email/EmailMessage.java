package org.groundgame.notification.email;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

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
 * @param listUnsubscribe the one-click unsubscribe address (RFC 8058) of a message to a
 * person, sent as {@code List-Unsubscribe} with {@code List-Unsubscribe-Post};
 * {@code null} for a chapter's
 */
public record EmailMessage(String messageId, String to, String subject, String text, String html,
		@Nullable String listUnsubscribe) {

	/** A message without a one-click unsubscribe (a chapter's). */
	public EmailMessage(String messageId, String to, String subject, String text, String html) {
		this(messageId, to, subject, text, html, null);
	}

	public EmailMessage {
		Objects.requireNonNull(messageId, "messageId");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(html, "html");
		if (listUnsubscribe != null && !listUnsubscribe.matches("https?://[^\\s<>,]+")) {
			throw new IllegalArgumentException("A one-click unsubscribe address is an http(s) URL");
		}
	}

	/** Without the address, the message and its links, which are personal. */
	@Override
	public String toString() {
		return "EmailMessage[messageId=" + this.messageId + "]";
	}

}
