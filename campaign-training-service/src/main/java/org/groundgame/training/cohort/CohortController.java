package org.groundgame.training.cohort;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.groundgame.security.Caller;

import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/training/cohorts}: the public list of cohorts with their open seats and
 * applications (no token needed, as {@code SecurityConfiguration} and the empty
 * {@code @SecurityRequirements} of the OpenAPI document say); opening a cohort and
 * changing its capacity are staff's.
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

	@PostMapping
	ResponseEntity<CohortResponse> open(@RequestBody CohortService.CreateCohortRequest request, Caller caller) {
		Cohort cohort = this.cohorts.open(request, caller);
		return ResponseEntity.created(URI.create(PATH + "/" + cohort.id())).body(CohortResponse.of(cohort));
	}

	@PutMapping("/{cohortId}/capacity")
	CohortResponse changeCapacity(@PathVariable String cohortId, @RequestBody CapacityRequest request, Caller caller) {
		return CohortResponse.of(this.cohorts.changeCapacity(cohortId, request.capacity(), caller));
	}

	/**
	 * Applies: {@code 201} with the manage token for a new application, {@code 200} with
	 * the enrollment the applicant already has.
	 */
	@PostMapping("/{cohortId}/applications")
	@SecurityRequirements
	ResponseEntity<EnrollmentResponse> apply(@PathVariable String cohortId, @RequestBody ApplicationRequest request) {
		CohortService.Applied applied = this.cohorts.apply(cohortId, new Cohort.Application(request.name(),
				request.email(), request.chapterId(), request.plansToRun(), request.office(), request.answers()));
		EnrollmentResponse body = EnrollmentResponse.of(applied.cohort(), applied.enrollment(), applied.manageToken());
		if (applied.manageToken() == null) {
			return ResponseEntity.ok(body);
		}
		return ResponseEntity.created(URI.create(EnrollmentController.PATH + "/" + applied.enrollment().id()))
			.body(body);
	}

	record CapacityRequest(Integer capacity) {
	}

	record ApplicationRequest(String name, String email, String chapterId, Boolean plansToRun, String office,
			List<String> answers) {
	}

}
