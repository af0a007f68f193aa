package org.groundgame.notification.preference;

import java.util.List;

import org.groundgame.notification.preference.domain.EmailPreferences;
import org.groundgame.notification.preference.domain.EmailTopic;

/**
 * A person's e-mail preferences as a page shows them: e-mail on or off, and each topic
 * they may leave with the key of its name in the message bundles.
 *
 * @param email whether e-mail is on (beyond the transactional messages, always sent)
 * @param topics every topic a person may leave, in the order to show them
 */
record PreferencesResponse(boolean email, List<TopicChoice> topics) {

	static PreferencesResponse of(EmailPreferences preferences) {
		return new PreferencesResponse(preferences.email(),
				EmailTopic.choosable()
					.stream()
					.map((topic) -> new TopicChoice(topic.name(), topic.labelKey(), preferences.subscribedTo(topic)))
					.toList());
	}

	/**
	 * One topic.
	 *
	 * @param topic e.g. {@code SHIFTS}
	 * @param label the key of its name, e.g. {@code email-preferences.topic.shifts}
	 * @param subscribed whether the person hears of it
	 */
	record TopicChoice(String topic, String label, boolean subscribed) {

	}

}
