package org.groundgame.volunteer.effort;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.groundgame.security.Caller;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The volunteer effort behind endorsed races, for staff and chapters (a chapter its own
 * part): under the opportunities' path, since it is their shifts that are summed. Who may
 * see what is the application service's to decide.
 */
@RestController
@Tag(name = "Effort", description = "Volunteer effort per opportunity type and per endorsed race, for organizers")
class EffortController {

	private final EffortService effort;

	EffortController(EffortService effort) {
		this.effort = effort;
	}

	@Operation(summary = "The volunteer effort behind one endorsement, by chapter and by type")
	@GetMapping("/api/opportunities/effort")
	EffortResponse effort(@RequestParam(required = false) String endorsementId, Caller caller) {
		return EffortResponse.of(this.effort.ofEndorsement(endorsementId, caller));
	}

	/**
	 * The effort behind each endorsement named ({@code endorsementId}, repeated), or
	 * behind every one. The values are read as sent: a conversion to a list would split
	 * on commas and make {@code endorsementId=} (blank) mean "every endorsement".
	 */
	@Operation(summary = "The volunteer effort behind each of several endorsements")
	@GetMapping("/api/opportunities/effort/endorsements")
	@Parameter(name = "endorsementId", in = ParameterIn.QUERY,
			description = "an endorsement, repeated; none: every one",
			array = @ArraySchema(schema = @Schema(type = "string")))
	EffortSummaryResponse byEndorsement(
			@RequestParam @Parameter(hidden = true) MultiValueMap<String, String> parameters, Caller caller) {
		return EffortSummaryResponse.of(this.effort.byEndorsement(parameters.get("endorsementId"), caller));
	}

}
