package org.groundgame.events;

import java.util.List;

/**
 * One topic per producing service; the producing service's name is the CloudEvents
 * source.
 */
public final class Topics {

	public static final String ENDORSEMENT = "groundgame.endorsement.events";

	public static final String VOLUNTEER = "groundgame.volunteer.events";

	public static final String TRAINING = "groundgame.training.events";

	/** Every topic of events, in the order above. */
	public static final List<String> EVENTS = List.of(ENDORSEMENT, VOLUNTEER, TRAINING);

	private static final String EVENTS_SUFFIX = ".events";

	private static final String KEYS_SUFFIX = ".keys";

	private Topics() {
	}

	/**
	 * The compacted topic on which the service that publishes {@code eventsTopic} shares
	 * the keys of the personal data in its events, keyed by personal record; a tombstone
	 * there means the record was erased.
	 * @param eventsTopic one of the topics of events
	 * @return e.g. {@code groundgame.volunteer.keys} for
	 * {@code groundgame.volunteer.events}
	 */
	public static String keysOf(String eventsTopic) {
		if (!eventsTopic.endsWith(EVENTS_SUFFIX)) {
			throw new IllegalArgumentException("Not a topic of events: " + eventsTopic);
		}
		return eventsTopic.substring(0, eventsTopic.length() - EVENTS_SUFFIX.length()) + KEYS_SUFFIX;
	}

}
