package org.groundgame.training.cohort;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** Answers what the school offers. */
@Service
class CohortService {

	/** The next cohort first; the id keeps pages stable among namesakes. */
	private static final Sort BY_START = Sort.by("startsOn", "name", "id");

	private final CohortRepository cohorts;

	CohortService(CohortRepository cohorts) {
		this.cohorts = cohorts;
	}

	Page<Cohort> cohorts(int page, int size) {
		return this.cohorts.findAll(PageRequest.of(page, size, BY_START)).map(CohortDocument::toCohort);
	}

}
