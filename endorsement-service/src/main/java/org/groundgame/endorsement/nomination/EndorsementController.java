package org.groundgame.endorsement.nomination;

import org.springframework.data.web.PagedModel;

import org.groundgame.support.geography.UsStateCode;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import org.groundgame.endorsement.nomination.domain.ElectionOutcome;
import org.groundgame.security.Caller;
import jakarta.validation.constraints.Min;
import org.groundgame.endorsement.nomination.domain.RaceLevel;
import org.groundgame.support.geography.UsState;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public's view of endorsements, read from the nominations that hold them.
 */
@RestController
@RequestMapping("/api/endorsements")
class EndorsementController {

	private final NominationService nominations;

	EndorsementController(NominationService nominations) {
		this.nominations = nominations;
	}

	@GetMapping
	PagedModel<EndorsementView> endorsements(@RequestParam(required = false) @UsStateCode String state,
			@RequestParam(required = false) RaceLevel level, @RequestParam(required = false) @Min(1) Integer cycle,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Limits.MAX_PAGE_SIZE) int size) {
		return new PagedModel<>(
				this.nominations.endorsements(UsState.fromCode(state).orElse(null), level, cycle, page, size)
					.map(EndorsementView::of));
	}

	@GetMapping("/{id}")
	EndorsementView endorsement(@PathVariable String id) {
		return EndorsementView.of(this.nominations.endorsement(id));
	}

	/** The body of {@code POST /api/endorsements/{id}/outcome}. */
	record OutcomeRequest(@NotNull ElectionOutcome result) {
	}

	/**
	 * Staff record how the election went ({@code WON}, {@code LOST}, {@code ADVANCED}).
	 */
	@PostMapping("/{id}/outcome")
	EndorsementView recordOutcome(@PathVariable String id, @Valid @RequestBody OutcomeRequest request, Caller caller) {
		return EndorsementView.of(this.nominations.recordOutcome(caller, id, request.result()));
	}

}
