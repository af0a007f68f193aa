package org.groundgame.notification.subscription.domain;

import java.util.Locale;
import java.util.Optional;

/** What a chapter may choose to hear of. */
public enum Topic {

	NOMINATIONS, ENDORSEMENTS, OUTCOMES, VOLUNTEERS, TRAINING;

	/** The topic a name stands for, ignoring case and surrounding blanks. */
	public static Optional<Topic> named(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String normalized = name.strip().toUpperCase(Locale.ROOT);
		for (Topic topic : values()) {
			if (topic.name().equals(normalized)) {
				return Optional.of(topic);
			}
		}
		return Optional.empty();
	}

}
