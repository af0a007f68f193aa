package org.groundgame.notification.preference;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.groundgame.notification.preference.domain.EmailAddresses;
import org.groundgame.notification.preference.domain.EmailChoices;
import org.groundgame.notification.preference.domain.EmailPreferences;
import org.groundgame.notification.preference.domain.EmailTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * People's e-mail preferences: what every e-mail to a person is asked before it is
 * planned and again before each attempt, the links each such e-mail carries, and what the
 * preferences page and the one-click unsubscribe change. Nothing of a person is logged:
 * preferences ids and topics only.
 */
@Service
@EnableConfigurationProperties(PreferenceProperties.class)
public class EmailPreferenceService implements EmailChoices {

	static final String ONE_CLICK_PATH = "/api/notifications/unsubscribe";

	private static final Logger log = LoggerFactory.getLogger(EmailPreferenceService.class);

	private final PreferenceStore store;

	private final PreferenceProperties properties;

	EmailPreferenceService(PreferenceStore store, PreferenceProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	/**
	 * Whether an e-mail of a topic may go to an address, and if so the links it carries:
	 * the address's preferences (created with the defaults the first time it is e-mailed)
	 * are asked, and the personal records the e-mail is for are noted, so that the
	 * preferences go when the last of them is erased.
	 * @param address where the e-mail goes
	 * @param records the personal records it is for (the volunteer, the enrollment, the
	 * nomination), at least one
	 * @param topic what it is about
	 * @return the links, or empty when the person's choices hold the e-mail back
	 */
	public Optional<Links> forMessage(String address, Set<String> records, EmailTopic topic) {
		PreferenceStore.Enrolled enrolled = this.store.enrol(EmailAddresses.keyOf(address), records);
		if (!enrolled.preferences().allows(topic)) {
			return Optional.empty();
		}
		String oneClick = OneClickUnsubscribe.from(enrolled.id(), topic).token(enrolled.token());
		String base = this.properties.base();
		return Optional.of(new Links(base + this.properties.pagePath() + "#token=" + enrolled.token(),
				base + ONE_CLICK_PATH + "?token=" + URLEncoder.encode(oneClick, StandardCharsets.UTF_8)));
	}

	/**
	 * Whether an e-mail of a topic may still go to an address now (asked again before
	 * each attempt, so that a choice made after an e-mail was planned holds it back).
	 */
	@Override
	public boolean allows(String address, EmailTopic topic) {
		return this.store.byAddressKey(EmailAddresses.keyOf(address)).orElse(EmailPreferences.DEFAULT).allows(topic);
	}

	/** The preferences a token opens, if any. */
	Optional<EmailPreferences> view(String token) {
		return this.store.byToken(token).map(PreferenceDocument::preferences);
	}

	/**
	 * The person's new choices.
	 * @param token the preferences token
	 * @param email e-mail on or off, unchanged when {@code null}
	 * @param topics each topic named on or off; a topic not named keeps its choice
	 * @return the preferences as they now are, or empty when the token opens none
	 */
	Optional<EmailPreferences> choose(String token, Boolean email, Map<EmailTopic, Boolean> topics) {
		return this.store.byToken(token).flatMap((stored) -> {
			Optional<EmailPreferences> chosen = this.store.choose(stored.id(), email, topics);
			chosen.ifPresent((preferences) -> log.info("E-mail preferences {} changed: {}", stored.id(), preferences));
			return chosen;
		});
	}

	/**
	 * A one-click unsubscribe (RFC 8058): the topic its token names is left at once, or
	 * e-mail stopped for a token from a transactional message.
	 * @return whether the token was good (signed with the preferences' own token)
	 */
	boolean unsubscribe(String oneClickToken) {
		Optional<OneClickUnsubscribe.Claim> claim = OneClickUnsubscribe.read(oneClickToken);
		if (claim.isEmpty()) {
			return false;
		}
		OneClickUnsubscribe unsubscribe = claim.get().unsubscribe();
		Optional<PreferenceDocument> stored = this.store.byId(unsubscribe.preferencesId());
		if (stored.isEmpty() || !claim.get().isSignedWith(this.store.tokenOf(stored.get()))) {
			return false;
		}
		boolean done = this.store.unsubscribe(unsubscribe.preferencesId(), unsubscribe.topic());
		if (done) {
			log.info("E-mail preferences {} unsubscribed in one click from {}", unsubscribe.preferencesId(),
					(unsubscribe.topic() != null) ? unsubscribe.topic() : "all e-mail");
		}
		return done;
	}

	/**
	 * The links an e-mail to a person carries: secrets of that person, never logged.
	 *
	 * @param page the preferences page, {@code <public-url>/email-preferences#token=…}
	 * @param oneClick the one-click unsubscribe address (RFC 8058) for the
	 * {@code List-Unsubscribe} header,
	 * {@code <public-url>/api/notifications/unsubscribe?token=…}
	 */
	public record Links(String page, String oneClick) {

		@Override
		public String toString() {
			return "Links[(secret)]";
		}

	}

}
