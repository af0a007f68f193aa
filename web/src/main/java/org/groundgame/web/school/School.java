package org.groundgame.web.school;

import java.util.Optional;

import org.groundgame.web.api.PageOf;
import org.groundgame.web.api.PlatformApis;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/** campaign-training-service's public cohorts. */
@Component
class School {

	static final int COHORTS = 50;

	private static final ParameterizedTypeReference<PageOf<Cohort>> COHORT_PAGE = new ParameterizedTypeReference<>() {
	};

	private final PlatformApis apis;

	School(PlatformApis apis) {
		this.apis = apis;
	}

	PageOf<Cohort> cohorts() {
		return this.apis.training()
			.get()
			.uri((uri) -> uri.path("/api/training/cohorts").queryParam("size", COHORTS).build())
			.retrieve()
			.body(COHORT_PAGE);
	}

	Optional<Cohort> cohort(String id) {
		return cohorts().content().stream().filter((cohort) -> cohort.id().equals(id)).findFirst();
	}

}
