package org.groundgame.notification.rule;

import java.util.Objects;

/**
 * Someone an event names together with the address to write to, who is e-mailed at that
 * address because of what the event says happened to them: a candidate sent their
 * questionnaire, a trainee told of their seat. The message is transactional (the reason
 * the address was given), so no consent is asked; the address is the event's, not a
 * projection's, and the delivery keeps it only until it is done (see {@code Delivery}).
 * Unlike a person of the people projection ({@link NotificationRule#people}), an
 * addressee has no record here to consent, change their address or be erased.
 *
 * @param id who the addressee is, in words that are not personal data and stay the same
 * if the event is redelivered: what the message is about, e.g. the nomination the
 * candidate was asked about; with the event, it keys the one delivery
 * @param email where the message goes; personal data, never part of {@link #toString()}
 * @param name how to greet them, or {@code null}
 */
public record Addressee(String id, String email, String name) {

	public Addressee {
		Objects.requireNonNull(id, "id");
		if (id.isBlank()) {
			throw new IllegalArgumentException("An addressee's id must not be blank");
		}
		if (email == null || email.isBlank()) {
			throw new IllegalArgumentException("An addressee needs an address");
		}
		email = email.strip();
		name = (name != null && !name.isBlank()) ? name.strip() : null;
	}

	@Override
	public String toString() {
		return "Addressee[id=" + this.id + "]";
	}

}
