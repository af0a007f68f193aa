package org.groundgame.notification.delivery;

import org.groundgame.notification.people.domain.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What e-mail and webhooks keep of a person: deliveries to them, and deliveries and
 * digest entries about them (a chapter told of a new member). All of it goes when the
 * person is erased.
 */
@Component
class DeliveryPersonalData implements PersonalData {

	private static final Logger log = LoggerFactory.getLogger(DeliveryPersonalData.class);

	private final DeliveryStore store;

	private final Digests digests;

	DeliveryPersonalData(DeliveryStore store, Digests digests) {
		this.store = store;
		this.digests = digests;
	}

	@Override
	public void erase(String personId) {
		long deliveries = this.store.deleteForPerson(personId);
		long kept = this.digests.forgetAbout(personId);
		log.info("Erased person {}: {} deliveries and {} digest entries", personId, deliveries, kept);
	}

}
