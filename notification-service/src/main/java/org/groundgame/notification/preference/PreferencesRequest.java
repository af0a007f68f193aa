package org.groundgame.notification.preference;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.groundgame.notification.preference.domain.EmailTopic;
import org.groundgame.support.domain.FieldProblems;

/**
 * A person's new choices, in the shape {@code GET} answers (so that an answer can be sent
 * back changed): e-mail on or off, and topics on or off; what is not named is unchanged.
 *
 * @param email e-mail on or off; unchanged when absent
 * @param topics topics on or off; unchanged when absent, and a topic not listed keeps its
 * choice
 */
record PreferencesRequest(Boolean email, List<TopicChoice> topics) {

	/**
	 * The topics named, checked.
	 * @throws org.groundgame.support.domain.InvalidInputException naming each entry at
	 * fault
	 */
	Map<EmailTopic, Boolean> choices() {
		FieldProblems problems = new FieldProblems();
		Map<EmailTopic, Boolean> choices = new EnumMap<>(EmailTopic.class);
		List<TopicChoice> named = (this.topics != null) ? this.topics : List.of();
		for (int i = 0; i < named.size(); i++) {
			TopicChoice choice = named.get(i);
			String field = "topics[" + i + "]";
			if (choice == null) {
				problems.add(field, "is required");
				continue;
			}
			EmailTopic topic = (choice.topic() != null) ? EmailTopic.choosable(choice.topic()).orElse(null) : null;
			if (topic == null) {
				problems.add(field + ".topic", "must be one of "
						+ EmailTopic.choosable().stream().map(EmailTopic::name).collect(Collectors.joining(", ")));
			}
			else if (choices.containsKey(topic)) {
				problems.add(field + ".topic", "is named more than once");
			}
			if (choice.subscribed() == null) {
				problems.add(field + ".subscribed", "is required");
			}
			if (topic != null && choice.subscribed() != null) {
				choices.put(topic, choice.subscribed());
			}
		}
		problems.throwIfAny();
		return choices;
	}

	/**
	 * One topic on or off.
	 *
	 * @param topic e.g. {@code SHIFTS}
	 * @param label ignored (the answer to {@code GET} carries it)
	 * @param subscribed whether the person hears of it
	 */
	record TopicChoice(String topic, String label, Boolean subscribed) {

	}

}
