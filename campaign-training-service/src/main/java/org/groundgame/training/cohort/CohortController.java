package org.groundgame.training.cohort;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/training/cohorts}: the public list of cohorts with their open seats (no
 * token needed, as {@code SecurityConfiguration} and the empty
 * {@code @SecurityRequirements} of the OpenAPI document say).
 */
@RestController
@RequestMapping(CohortController.PATH)
class CohortController {

	static final String PATH = "/api/training/cohorts";

	static final int MAX_PAGE_SIZE = 100;

	private final CohortService cohorts;

	CohortController(CohortService cohorts) {
		this.cohorts = cohorts;
	}

	@GetMapping
	@SecurityRequirements
	PagedModel<CohortResponse> cohorts(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
		return new PagedModel<>(this.cohorts.cohorts(page, size).map(CohortResponse::of));
	}

}
