package org.groundgame.notification.preference;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.groundgame.notification.preference.domain.EmailPreferences;
import org.groundgame.notification.preference.domain.EmailTopic;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One address's e-mail preferences as stored, created the first time a person is e-mailed
 * at that address. Nothing here is the address or a name: the address's key (a hash,
 * {@code EmailAddresses}), the hash of the preferences token (to find the preferences by
 * the token a page presents) and the token itself sealed with the key-encryption key (to
 * put it in the next e-mails), the choices, and the personal records the address was
 * e-mailed for (a volunteer, an enrollment, a nomination), so that erasing the last of
 * them erases the preferences.
 *
 * @param id a random id, which the one-click addresses name
 * @param addressKey the key of the address, unique
 * @param tokenHash SHA-256 of the preferences token, unique
 * @param sealedToken the preferences token, sealed with the key-encryption key
 * @param email whether e-mail is on at all
 * @param topics the topics chosen, by name: {@code false} for one left, {@code true} for
 * one taken up again; a topic not named was never chosen (and is sent). One field per
 * topic, so that choices of different topics made at once (a page, one-click addresses)
 * are each one atomic {@code $set} and never undo each other
 * @param records the personal records the address was e-mailed for
 * @param createdAt when the address was first e-mailed
 * @param changedAt when the person last changed a choice, or {@code null}
 */
@Document("email_preferences")
record PreferenceDocument(@Id String id, String addressKey, String tokenHash, String sealedToken, boolean email,
		Map<String, Boolean> topics, List<String> records, Instant createdAt, Instant changedAt) {

	EmailPreferences preferences() {
		EnumSet<EmailTopic> left = EnumSet.noneOf(EmailTopic.class);
		if (this.topics != null) {
			// A topic no longer known is no longer left.
			this.topics.forEach((name, subscribed) -> {
				if (Boolean.FALSE.equals(subscribed)) {
					EmailTopic.choosable(name).ifPresent(left::add);
				}
			});
		}
		return new EmailPreferences(this.email, left);
	}

}
