package org.groundgame.endorsement.nomination;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.endorsement.nomination.domain.NominationStatus;

import org.springframework.stereotype.Component;

/**
 * The business metrics of endorsements: how many nominations wait for staff, read from
 * the store at each scrape so that every instance reports the same truth, and how many
 * endorsements this instance granted.
 */
@Component
class NominationMetrics {

	static final String PENDING = "groundgame.endorsement.nominations.pending";

	static final String GRANTED = "groundgame.endorsement.endorsements.granted";

	private final Counter granted;

	NominationMetrics(MeterRegistry meters, NominationRepository repository) {
		Gauge.builder(PENDING, repository, (nominations) -> nominations.countByStatusIn(NominationStatus.PENDING))
			.description("Nominations submitted or under review, waiting for a decision")
			.strongReference(true)
			.register(meters);
		this.granted = Counter.builder(GRANTED).description("Endorsements granted").register(meters);
	}

	void endorsementGranted() {
		this.granted.increment();
	}

}
