package org.groundgame.web.preferences;

import java.util.List;

/**
 * A person's e-mail preferences as notification-service shows them to the holder of the
 * link in their e-mails.
 *
 * @param email whether they get e-mails other than those they ask for (links,
 * confirmations)
 * @param topics each topic and whether they get it
 */
public record Preferences(boolean email, List<Topic> topics) {

	public Preferences {
		topics = (topics != null) ? topics : List.of();
	}

	/**
	 * @param topic {@code SHIFTS}, {@code NEWS}, {@code TRAINING}, …
	 * @param label the message key of its name
	 * @param subscribed whether they get it
	 */
	public record Topic(String topic, String label, boolean subscribed) {

	}

}
