package org.groundgame.endorsement.nomination;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.groundgame.endorsement.nomination.domain.Decision;
import org.groundgame.endorsement.nomination.domain.ElectionOutcome;
import org.groundgame.endorsement.nomination.domain.NominationStatus;

import org.springframework.stereotype.Component;

/**
 * The business metrics of endorsements: how many nominations wait for staff, read from
 * the store at each scrape so that every instance reports the same truth, and how many
 * endorsements, declines and outcomes this instance recorded.
 */
@Component
class NominationMetrics {

	static final String PENDING = "groundgame.endorsement.nominations.pending";

	static final String GRANTED = "groundgame.endorsement.endorsements.granted";

	static final String DECISIONS = "groundgame.endorsement.decisions";

	static final String OUTCOMES = "groundgame.endorsement.outcomes";

	private final MeterRegistry meters;

	private final Counter granted;

	NominationMetrics(MeterRegistry meters, NominationStore store) {
		this.meters = meters;
		Gauge.builder(PENDING, store, (nominations) -> nominations.countByStatusIn(NominationStatus.PENDING))
			.description("Nominations submitted, under review or on hold, waiting for a decision")
			.strongReference(true)
			.register(meters);
		this.granted = Counter.builder(GRANTED).description("Endorsements granted").register(meters);
	}

	void decided(Decision decision) {
		if (decision == Decision.ENDORSE) {
			this.granted.increment();
		}
		Counter.builder(DECISIONS)
			.description("Staff decisions on nominations")
			.tag("decision", decision.name())
			.register(this.meters)
			.increment();
	}

	void outcomeRecorded(ElectionOutcome result) {
		Counter.builder(OUTCOMES)
			.description("Election outcomes recorded")
			.tag("result", result.name())
			.register(this.meters)
			.increment();
	}

}
