package org.groundgame.endorsement.nomination;

import org.springframework.data.web.PagedModel;

import org.groundgame.support.geography.UsStateCode;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.nomination.domain.NominationStatus;
import org.groundgame.security.Caller;
import org.groundgame.support.geography.UsState;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Nominations: submitted by anyone (a chapter's token attributes them to that chapter),
 * seen by staff and their chapter, reviewed and decided by staff. The caller comes from
 * the token only; the application service decides what it may do.
 */
@RestController
@RequestMapping("/api/nominations")
class NominationController {

	private final NominationService nominations;

	NominationController(NominationService nominations) {
		this.nominations = nominations;
	}

	@PostMapping
	ResponseEntity<NominationView> submit(@Valid @RequestBody SubmitNominationRequest request, Caller caller) {
		Nomination nomination = this.nominations.submit(caller, request.toCandidate(), request.toRace(),
				request.toNominator(), request.statement());
		return ResponseEntity.created(URI.create("/api/nominations/" + nomination.id()))
			.body(NominationView.of(nomination));
	}

	@GetMapping("/{id}")
	NominationView nomination(@PathVariable String id, Caller caller) {
		return NominationView.of(this.nominations.nomination(caller, id));
	}

	@GetMapping
	PagedModel<NominationView> nominations(@RequestParam(required = false) NominationStatus status,
			@RequestParam(required = false) @UsStateCode String state,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Limits.MAX_PAGE_SIZE) int size, Caller caller) {
		return new PagedModel<>(
				this.nominations.nominations(caller, status, UsState.fromCode(state).orElse(null), page, size)
					.map(NominationView::of));
	}

	@PostMapping("/{id}/review")
	NominationView review(@PathVariable String id, @Valid @RequestBody ReviewRequest request, Caller caller) {
		return NominationView.of(this.nominations.startReview(caller, id, request.reviewer()));
	}

	@PostMapping("/{id}/decision")
	NominationView decide(@PathVariable String id, @Valid @RequestBody DecisionRequest request, Caller caller) {
		return NominationView.of(this.nominations.decide(caller, id, request.decision(), request.reason()));
	}

}
