package org.groundgame.endorsement.nomination;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires, now and then, the pending nominations whose election passed. Every instance
 * may run it: each expiry is a versioned write, so two sweeps never expire one nomination
 * twice.
 */
@Component
class ExpirySweep {

	private final NominationService nominations;

	ExpirySweep(NominationService nominations) {
		this.nominations = nominations;
	}

	@Scheduled(fixedDelayString = "${groundgame.endorsement.expiry.interval:1h}",
			initialDelayString = "${groundgame.endorsement.expiry.interval:1h}")
	void sweep() {
		this.nominations.expireOverdue();
	}

}
