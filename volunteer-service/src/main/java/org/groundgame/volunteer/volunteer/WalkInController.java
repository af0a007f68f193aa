package org.groundgame.volunteer.volunteer;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.groundgame.security.Caller;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/shifts/{shiftId}/walk-ins}: the organizers (staff, or the shift's
 * chapter) check in a person who was not on the roster, on the day: {@code 201} with the
 * signup recorded as attended; {@code 200} when that person was already checked in with
 * those hours (two organizers at once: one result).
 */
@RestController
@Tag(name = "Shifts", description = "Shifts: RSVPs within capacity, the waitlist, rosters and attendance")
class WalkInController {

	private final VolunteerService volunteers;

	WalkInController(VolunteerService volunteers) {
		this.volunteers = volunteers;
	}

	@Operation(summary = "Check a walk-in in at a shift that has started (organizers)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = WalkInRequest.class),
							examples = @ExampleObject(name = "a neighbour who joined for two hours", value = """
									{
									  "name": "Katherine Johnson",
									  "email": "katherine@example.org",
									  "zip": "63111",
									  "consent": { "email": true },
									  "hours": 2
									}
										"""))))
	@PostMapping("/api/shifts/{shiftId}/walk-ins")
	ResponseEntity<WalkInResponse> walkIn(@PathVariable String shiftId, @RequestBody WalkInRequest request,
			Caller caller) {
		VolunteerShifts.CheckedIn checkedIn = this.volunteers.walkIn(shiftId, request.toSignUp(), request.hours(),
				caller);
		WalkInResponse body = new WalkInResponse(checkedIn.shiftId(), checkedIn.signupId(), checkedIn.volunteerId(),
				checkedIn.status(), checkedIn.hours());
		if (!checkedIn.recorded()) {
			return ResponseEntity.ok(body);
		}
		return ResponseEntity.created(URI.create("/api/shifts/" + shiftId + "/signups/" + checkedIn.signupId()))
			.body(body);
	}

	/** The signup as checked in: {@code status} {@code ATTENDED}, with its hours. */
	@JsonInclude(Include.NON_NULL)
	record WalkInResponse(String shiftId, String signupId, String volunteerId, String status, Double hours) {
	}

}
