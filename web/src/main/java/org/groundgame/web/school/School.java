package org.groundgame.web.school;

import java.util.Optional;

import org.groundgame.web.api.ApiProblem;
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
		try {
			return Optional.ofNullable(
					this.apis.training().get().uri("/api/training/cohorts/{id}", id).retrieve().body(Cohort.class));
		}
		catch (ApiProblem problem) {
			if (problem.isNotFound() || problem.status() == 400) {
				return Optional.empty();
			}
			throw problem;
		}
	}

}
