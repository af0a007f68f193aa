package org.groundgame.endorsement.nomination;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.groundgame.endorsement.common.Limits;
import org.groundgame.security.Caller;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure of the people the endorsement process names, staff only: a candidate, by the id
 * every nomination of theirs carries; a nominator, by the address they nominated with,
 * sent in the body (a URL ends up in logs, an address must not).
 */
@RestController
@Tag(name = "Erasures", description = "Erasing candidates' and nominators' personal data at their request (staff)")
class ErasureController {

	/** Under the nominations' path, which the gateway routes here. */
	static final String CANDIDATES = "/api/nominations/candidates";

	static final String NOMINATOR_ERASURES = "/api/nominations/nominator-erasures";

	private final ErasureService erasures;

	ErasureController(ErasureService erasures) {
		this.erasures = erasures;
	}

	@DeleteMapping(CANDIDATES + "/{candidateId}")
	@Operation(summary = "Erase a candidate's personal data from every nomination that named them (staff)",
			description = "The nominations and endorsements stay, anonymous; CandidateErased names every one. "
					+ "Erasing again changes nothing.",
			responses = { @ApiResponse(responseCode = "204", description = "Erased (or erased already)"),
					@ApiResponse(responseCode = "404", description = "No such candidate") })
	ResponseEntity<Void> eraseCandidate(@PathVariable String candidateId, Caller caller) {
		this.erasures.eraseCandidate(caller, candidateId);
		return ResponseEntity.noContent().build();
	}

	/**
	 * The body of {@code POST /api/nominations/nominator-erasures}: whose data to erase.
	 */
	record NominatorErasureRequest(@NotBlank @Email(regexp = Limits.EMAIL_DOMAIN_WITH_DOT,
			message = "must be a well-formed e-mail address") @Size(max = Limits.EMAIL) String email) {
	}

	/** How many nominations and slates lost the nominator's data. */
	record NominatorErasureView(int nominations, int slates) {

		static NominatorErasureView of(ErasureService.NominatorErasure erasure) {
			return new NominatorErasureView(erasure.nominations(), erasure.slates());
		}

	}

	@PostMapping(NOMINATOR_ERASURES)
	@Operation(summary = "Erase a nominator's name, address and statements from every nomination and slate (staff)",
			description = "The address travels in the body, never in a URL; the nominating chapter stays.",
			responses = @ApiResponse(responseCode = "200", description = "How many nominations and slates changed"))
	NominatorErasureView eraseNominator(@Valid @RequestBody NominatorErasureRequest request, Caller caller) {
		return NominatorErasureView.of(this.erasures.eraseNominator(caller, request.email()));
	}

}
