package org.groundgame.notification.preference.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a person chose to receive by e-mail: e-mail at all, and which topics. A person who
 * never chose gets every topic (they consented, or the message concerns them). The
 * choices only narrow: consent is asked as well, and {@link EmailTopic#TRANSACTIONAL}
 * messages are sent whatever the choices.
 *
 * @param email whether the person wants e-mail at all (beyond the transactional)
 * @param unsubscribed the topics they left
 */
public record EmailPreferences(boolean email, Set<EmailTopic> unsubscribed) {

	/** Every topic, by e-mail: what a person who never chose gets. */
	public static final EmailPreferences DEFAULT = new EmailPreferences(true, Set.of());

	public EmailPreferences {
		Objects.requireNonNull(unsubscribed, "unsubscribed");
		if (unsubscribed.contains(EmailTopic.TRANSACTIONAL)) {
			throw new IllegalArgumentException("Transactional messages are not a topic to leave");
		}
		unsubscribed = unsubscribed.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(unsubscribed));
	}

	/**
	 * Whether an e-mail of the topic may be sent to the person (consent aside, which is
	 * asked separately).
	 */
	public boolean allows(EmailTopic topic) {
		Objects.requireNonNull(topic, "topic");
		return !topic.isChoosable() || (this.email && !this.unsubscribed.contains(topic));
	}

	/** Whether the person still hears of the topic, as a page shows it. */
	public boolean subscribedTo(EmailTopic topic) {
		return !this.unsubscribed.contains(topic);
	}

}
