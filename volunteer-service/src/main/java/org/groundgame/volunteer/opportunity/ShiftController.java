package org.groundgame.volunteer.opportunity;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.groundgame.security.Caller;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/shifts}: a shift, RSVPs (by the volunteer with their key, or by the
 * organizers), a volunteer's cancellation and confirmation (with their key, or by the
 * organizers), the roster, capacity and attendance for the organizers.
 */
@RestController
@RequestMapping(ShiftController.PATH)
@Tag(name = "Shifts", description = "Shifts: RSVPs within capacity, the waitlist, rosters and attendance")
class ShiftController {

	static final String PATH = "/api/shifts";

	static final String MANAGE_TOKEN = "X-Manage-Token";

	static final int MAX_ROSTER_PAGE_SIZE = 1000;

	private final ShiftService shifts;

	ShiftController(ShiftService shifts) {
		this.shifts = shifts;
	}

	@Operation(summary = "A shift with its seats and waitlist")
	@GetMapping("/{shiftId}")
	@SecurityRequirements
	ShiftResponse shift(@PathVariable String shiftId, Caller caller) {
		return ShiftResponse.of(this.shifts.shift(shiftId, caller).shift());
	}

	@Operation(summary = "Change a shift's capacity")
	@PutMapping("/{shiftId}/capacity")
	ShiftResponse changeCapacity(@PathVariable String shiftId, @RequestBody CapacityRequest request, Caller caller) {
		return ShiftResponse.of(this.shifts.changeCapacity(shiftId, request.capacity(), caller));
	}

	/**
	 * Cancels the shift, with a reason its volunteers and waitlist are told: {@code 200},
	 * the shift as it now is ({@code status: CANCELLED}).
	 */
	@Operation(summary = "Call a shift off",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = CancelRequest.class),
							examples = @ExampleObject(name = "a storm warning", value = """
									{
									  "reason": "A storm warning for Saturday morning: we will canvass another day."
									}
										"""))))
	@PostMapping("/{shiftId}/cancel")
	ShiftResponse cancelShift(@PathVariable String shiftId, @RequestBody CancelRequest request, Caller caller) {
		return ShiftResponse.of(this.shifts.cancelShift(shiftId, request.reason(), caller));
	}

	/**
	 * Moves the shift to new times (and a new place, when one is given): {@code 200}, the
	 * shift as it now is; its volunteers and waitlist are told.
	 */
	@Operation(summary = "Move a shift to another time or place",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = RescheduleRequest.class),
							examples = @ExampleObject(name = "an hour later, at the library", value = """
									{
									  "startsAt": "2026-10-10T15:00:00Z",
									  "endsAt": "2026-10-10T18:00:00Z",
									  "location": "Carondelet Branch Library, 6800 Michigan Ave, St. Louis"
									}
										"""))))
	@PostMapping("/{shiftId}/reschedule")
	ShiftResponse reschedule(@PathVariable String shiftId, @RequestBody RescheduleRequest request, Caller caller) {
		return ShiftResponse.of(this.shifts.reschedule(shiftId, request.toPlan(), caller));
	}

	/**
	 * RSVPs, by the volunteer with their key ({@code X-Manage-Token}) or by staff or the
	 * organizing chapter: {@code 201} for a new signup, {@code 200} with the signup the
	 * volunteer already has. The answer hands out no token and no feed: the volunteer's
	 * link and calendar reach them by e-mail only.
	 */
	@Operation(summary = "RSVP a volunteer for a shift (a seat, else a place in line)")
	@PostMapping("/{shiftId}/signups")
	@SecurityRequirements
	ResponseEntity<SignupResponse> rsvp(@PathVariable String shiftId, @RequestBody RsvpRequest request,
			@RequestHeader(name = MANAGE_TOKEN, required = false) String manageToken, Caller caller) {
		ShiftService.Rsvp rsvp = this.shifts.rsvp(shiftId, request.volunteerId(), caller, manageToken);
		SignupResponse body = SignupResponse.of(rsvp.shift(), rsvp.signup());
		if (!rsvp.created()) {
			return ResponseEntity.ok(body);
		}
		return ResponseEntity.created(URI.create(PATH + "/" + shiftId + "/signups/" + rsvp.signup().id())).body(body);
	}

	/** Cancels a signup: {@code 200} with the signup as cancelled. */
	@Operation(summary = "Cancel a signup")
	@DeleteMapping("/{shiftId}/signups/{signupId}")
	@SecurityRequirements
	SignupResponse cancel(@PathVariable String shiftId, @PathVariable String signupId,
			@RequestHeader(name = MANAGE_TOKEN, required = false) String manageToken, Caller caller) {
		Shift.Change change = this.shifts.cancel(shiftId, signupId, caller, manageToken);
		return SignupResponse.of(change.shift(), change.signup());
	}

	@Operation(summary = "Confirm a signup (the volunteer will be there)")
	@PostMapping("/{shiftId}/signups/{signupId}/confirm")
	@SecurityRequirements
	SignupResponse confirm(@PathVariable String shiftId, @PathVariable String signupId,
			@RequestHeader(name = MANAGE_TOKEN, required = false) String manageToken, Caller caller) {
		Shift.Change change = this.shifts.confirm(shiftId, signupId, caller, manageToken);
		return SignupResponse.of(change.shift(), change.signup());
	}

	/** The roster in arrival order, for the organizers. */
	@Operation(summary = "A shift's roster (organizers)")
	@GetMapping("/{shiftId}/signups")
	PagedModel<RosterEntryResponse> roster(@PathVariable String shiftId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "100") @Min(1) @Max(MAX_ROSTER_PAGE_SIZE) int size, Caller caller) {
		ShiftService.Roster roster = this.shifts.roster(shiftId, caller);
		List<RosterEntryResponse> all = roster.shift()
			.signups()
			.stream()
			.sorted(Comparator.comparingLong(Shift.Signup::sequence))
			.map((signup) -> RosterEntryResponse.of(roster.shift(), signup, roster.members().get(signup.volunteerId())))
			.toList();
		int fromIndex = (int) Math.min((long) page * size, all.size());
		int toIndex = Math.min(fromIndex + size, all.size());
		return new PagedModel<>(
				new PageImpl<>(all.subList(fromIndex, toIndex), PageRequest.of(page, size), all.size()));
	}

	@Operation(summary = "Record whether a volunteer came, and their hours",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = AttendanceRequest.class),
							examples = @ExampleObject(name = "came, and stayed half an hour longer", value = """
									{
									  "attended": true,
									  "hours": 3.5
									}
										"""))))
	@PostMapping("/{shiftId}/signups/{signupId}/attendance")
	SignupResponse recordAttendance(@PathVariable String shiftId, @PathVariable String signupId,
			@RequestBody AttendanceRequest request, Caller caller) {
		Shift.Change change = this.shifts.recordAttendance(shiftId, signupId, request.attended(), request.hours(),
				caller);
		return SignupResponse.of(change.shift(), change.signup());
	}

}
