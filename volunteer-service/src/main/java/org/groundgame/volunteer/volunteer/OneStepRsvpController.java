package org.groundgame.volunteer.volunteer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/shifts/{shiftId}/rsvps}: the public RSVP in one step (name, address,
 * phone, consent; no separate sign-up). Always {@code 202} with what the shift offered,
 * whether the address was new or known: the person's private link, or the confirmation
 * their details need, goes to the address.
 */
@RestController
@Tag(name = "Shifts", description = "Shifts: RSVPs within capacity, the waitlist, rosters and attendance")
class OneStepRsvpController {

	private final VolunteerService volunteers;

	OneStepRsvpController(VolunteerService volunteers) {
		this.volunteers = volunteers;
	}

	@Operation(summary = "RSVP for a shift in one step from the public form",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = OneStepRsvpRequest.class),
							examples = @ExampleObject(name = "a new volunteer from the shift's page", value = """
									{
									  "name": "Grace Hopper",
									  "email": "grace@example.org",
									  "phone": "+13145550188",
									  "zip": "63104",
									  "state": "MO",
									  "consent": { "email": "OPT_IN", "sms": "OPT_IN" },
									  "language": "es",
									  "source": "shift-page"
									}
										"""))))
	@PostMapping("/api/shifts/{shiftId}/rsvps")
	@SecurityRequirements
	ResponseEntity<OneStepRsvpResponse> rsvp(@PathVariable String shiftId, @RequestBody OneStepRsvpRequest request) {
		return ResponseEntity.accepted()
			.body(OneStepRsvpResponse.of(this.volunteers.rsvp(shiftId, request.toSignUp())));
	}

}
