package org.groundgame.notification.preference.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an e-mail to a person is about, which decides whether their e-mail preferences may
 * hold it back. A person leaves a topic, or e-mail altogether, and hears no more of it;
 * the {@link #TRANSACTIONAL} messages are not a topic to leave: they answer something the
 * person asked for just now (a confirmation link, the private link to manage what they
 * applied or signed up for, a candidate's questionnaire), so they are sent whatever the
 * preferences say.
 */
public enum EmailTopic {

	/**
	 * Their shifts: the seat, the waitlist, a promotion, a cancellation, the reminder,
	 * the thanks for coming.
	 */
	SHIFTS,

	/** News from the organization: the welcome to the team for now. */
	NEWS,

	/**
	 * The Campaign Leadership School: a seat or a place in line told later, a seat
	 * offered, an offer that expired.
	 */
	TRAINING,

	/** An answer to something the person asked for just now: never held back. */
	TRANSACTIONAL;

	/** The topics a person may leave, in the order a page shows them. */
	public static List<EmailTopic> choosable() {
		return Arrays.stream(values()).filter(EmailTopic::isChoosable).toList();
	}

	/** Whether a person may leave this topic (every one but {@link #TRANSACTIONAL}). */
	public boolean isChoosable() {
		return this != TRANSACTIONAL;
	}

	/**
	 * The key of the topic's name in the platform's message bundles, e.g.
	 * {@code email-preferences.topic.shifts}: pages and e-mails say it in the reader's
	 * language.
	 */
	public String labelKey() {
		return "email-preferences.topic." + name().toLowerCase(Locale.ROOT);
	}

	/**
	 * A topic a person may leave, by its name.
	 * @param name e.g. {@code SHIFTS}
	 * @return the topic, or empty for an unknown name or {@code TRANSACTIONAL}
	 */
	public static Optional<EmailTopic> choosable(String name) {
		return Arrays.stream(values()).filter((topic) -> topic.isChoosable() && topic.name().equals(name)).findFirst();
	}

}
