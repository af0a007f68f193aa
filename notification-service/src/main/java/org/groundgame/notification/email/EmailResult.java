package org.groundgame.notification.email;

import java.util.Objects;

/**
 * What became of one attempt to send an e-mail.
 *
 * @param outcome sent, failed for now, or refused for good
 * @param detail what the mail server answered or why it was not asked, for the delivery
 * log; never the recipient's address
 */
public record EmailResult(Outcome outcome, String detail) {

	public EmailResult {
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(detail, "detail");
	}

	static EmailResult sent(String detail) {
		return new EmailResult(Outcome.SENT, detail);
	}

	static EmailResult failed(String detail) {
		return new EmailResult(Outcome.FAILED, detail);
	}

	static EmailResult rejected(String detail) {
		return new EmailResult(Outcome.REJECTED, detail);
	}

	public enum Outcome {

		/** The mail server accepted the message for delivery. */
		SENT,

		/**
		 * Not sent this time, and worth trying again: the server could not be reached,
		 * timed out, refused our credentials, answered 4xx, or the breaker is open.
		 */
		FAILED,

		/**
		 * Refused for good: an invalid address, or a 5xx answer for the recipient or the
		 * message. Trying again would only be refused again.
		 */
		REJECTED

	}

}
