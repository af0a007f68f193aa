package org.groundgame.notification.delivery.domain;

import org.groundgame.notification.preference.domain.EmailTopic;

/**
 * What a delivery carries, rendered once when the delivery is planned, so that every
 * attempt (and a replay) sends exactly the same thing.
 *
 * @param subject the e-mail's subject, or the notification's title for a webhook
 * @param text the e-mail's plain-text part
 * @param html the e-mail's HTML part
 * @param body a webhook's body: the CloudEvent in structured JSON
 * @param listUnsubscribe an e-mail to a person: its one-click unsubscribe address (RFC
 * 8058), a capability of theirs, kept no longer than the message
 * @param topic an e-mail to a person: what it is about, which their e-mail preferences
 * are asked about again before each attempt; {@code null} for a chapter's
 */
public record Content(String subject, String text, String html, String body, String listUnsubscribe, EmailTopic topic) {

	public Content(String subject, String text, String html, String body) {
		this(subject, text, html, body, null, null);
	}

	public static Content email(String subject, String text, String html) {
		return new Content(subject, text, html, null);
	}

	/**
	 * An e-mail to a person, of a topic their preferences decide on, with its one-click
	 * unsubscribe address.
	 */
	public static Content personalEmail(String subject, String text, String html, String listUnsubscribe,
			EmailTopic topic) {
		return new Content(subject, text, html, null, listUnsubscribe, topic);
	}

	public static Content webhook(String title, String body) {
		return new Content(title, null, null, body);
	}

	/**
	 * What is kept of a message once it no longer needs sending: its subject, which the
	 * log shows, and nothing of what it said.
	 */
	Content subjectOnly() {
		return new Content(this.subject, null, null, null);
	}

	/**
	 * Whether the message carries the links to a person's e-mail preferences (a secret of
	 * theirs).
	 */
	public boolean carriesPreferenceLinks() {
		return this.listUnsubscribe != null;
	}

	/** Whether there is a message left to send. */
	public boolean hasMessage() {
		return this.text != null || this.html != null || this.body != null;
	}

	/** What is left once the person it was for has been erased. */
	static Content erased() {
		return new Content(null, null, null, null);
	}

}
