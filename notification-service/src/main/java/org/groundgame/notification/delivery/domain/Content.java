package org.groundgame.notification.delivery.domain;

/**
 * What a delivery carries, rendered once when the delivery is planned, so that every
 * attempt (and a replay) sends exactly the same thing.
 *
 * @param subject the e-mail's subject, or the notification's title for a webhook
 * @param text the e-mail's plain-text part
 * @param html the e-mail's HTML part
 * @param body a webhook's body: the CloudEvent in structured JSON
 */
public record Content(String subject, String text, String html, String body) {

	public static Content email(String subject, String text, String html) {
		return new Content(subject, text, html, null);
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

	/** Whether there is a message left to send. */
	public boolean hasMessage() {
		return this.text != null || this.html != null || this.body != null;
	}

	/** What is left once the person it was for has been erased. */
	static Content erased() {
		return new Content(null, null, null, null);
	}

}
