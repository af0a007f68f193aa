package org.groundgame.training.cohort;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The school's business metrics read from the store at each scrape, so that every
 * instance reports the same truth: how many wait in line and how many seat offers are
 * open, over the cohorts still running.
 */
@Component
class CohortMetrics {

	static final String WAITLIST = "groundgame.training.waitlist";

	static final String OPEN_OFFERS = "groundgame.training.offers.open";

	CohortMetrics(MeterRegistry meters, CohortStore store) {
		Gauge.builder(WAITLIST, store, (cohorts) -> cohorts.countInRunningCohorts(EnrollmentStatus.WAITLISTED))
			.description("People waiting in line for a seat in a cohort still running")
			.strongReference(true)
			.register(meters);
		Gauge.builder(OPEN_OFFERS, store, (cohorts) -> cohorts.countInRunningCohorts(EnrollmentStatus.OFFERED))
			.description("Seats offered and not yet accepted, declined or lapsed")
			.strongReference(true)
			.register(meters);
	}

}
