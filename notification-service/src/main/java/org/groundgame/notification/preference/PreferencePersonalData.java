package org.groundgame.notification.preference;

import org.groundgame.notification.people.domain.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What e-mail preferences keep of a person: the hash of an address they were e-mailed at,
 * and their choices. Erasing a personal record (a volunteer, an enrollment, a nomination)
 * erases the preferences of an address e-mailed for it alone, so their links open nothing
 * from then on.
 */
@Component
class PreferencePersonalData implements PersonalData {

	private static final Logger log = LoggerFactory.getLogger(PreferencePersonalData.class);

	private final PreferenceStore store;

	PreferencePersonalData(PreferenceStore store) {
		this.store = store;
	}

	@Override
	public void erase(String personId) {
		long erased = this.store.forget(personId);
		log.info("Erased person {}: {} e-mail preferences", personId, erased);
	}

}
