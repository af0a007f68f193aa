package org.groundgame.volunteer.opportunity;

import java.net.URI;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.groundgame.security.Caller;

import org.springframework.data.web.PagedModel;
import org.springframework.http.MediaType;
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
 * {@code /api/opportunities}: open opportunities and their shifts for everybody; opening,
 * adding shifts and publishing for staff and the organizing chapter. Who may see and do
 * what is the application service's to decide, with the {@link Caller}.
 */
@RestController
@RequestMapping(OpportunityController.PATH)
@Tag(name = "Opportunities", description = "Volunteer opportunities (phone banks, canvasses, GOTV…) and their shifts")
class OpportunityController {

	static final String PATH = "/api/opportunities";

	static final int MAX_PAGE_SIZE = 100;

	private final OpportunityService opportunities;

	OpportunityController(OpportunityService opportunities) {
		this.opportunities = opportunities;
	}

	@Operation(summary = "Open an opportunity with its shifts (staff, or a chapter)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = CreateOpportunityRequest.class),
							examples = @ExampleObject(
									name = "a chapter's phone bank for an endorsed ballot measure, two evenings",
									value = """
											{
											  "title": "Phone bank for Ballot Measure 3",
											  "description": "We call St. Louis voters about Amendment 3. Scripts and training on site.",
											  "type": "PHONE_BANK",
											  "state": "MO",
											  "chapterId": "chapter-stl",
											  "endorsementId": "endorsement-mo-a3",
											  "location": "Mobilize Missouri office, 3407 S Jefferson Ave, St. Louis",
											  "draft": false,
											  "shifts": [
											    { "startsAt": "2026-10-06T23:00:00Z", "endsAt": "2026-10-07T01:00:00Z", "capacity": 12 },
											    { "startsAt": "2026-10-08T23:00:00Z", "endsAt": "2026-10-09T01:00:00Z", "capacity": 12,
											      "virtualLink": "https://meet.example.org/mobilize-mo-phones" }
											  ]
											}
												"""))))
	@PostMapping
	ResponseEntity<OpportunityResponse> create(@RequestBody CreateOpportunityRequest request, Caller caller) {
		OpportunityService.Listed created = this.opportunities.create(request.toPlan(), caller);
		return ResponseEntity.created(URI.create(PATH + "/" + created.opportunity().id()))
			.body(OpportunityResponse.of(created));
	}

	/**
	 * Open opportunities for everybody; {@code status=DRAFT} (or {@code CANCELLED}) for
	 * staff, and for a chapter its own. {@code from}/{@code to} keep those with a shift
	 * starting in {@code [from, to)}.
	 */
	@Operation(summary = "List the opportunities the caller may see, newest first")
	@GetMapping
	@SecurityRequirements
	PagedModel<OpportunityResponse> opportunities(@RequestParam(required = false) String state,
			@RequestParam(required = false) String type, @RequestParam(required = false) String endorsementId,
			@RequestParam(required = false) String chapterId, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size, Caller caller) {
		return new PagedModel<>(this.opportunities
			.opportunities(new OpportunityService.Filter(state, type, endorsementId, chapterId, from, to, status),
					caller, page, size)
			.map(OpportunityResponse::of));
	}

	@Operation(summary = "An opportunity with its shifts")
	@GetMapping("/{id}")
	@SecurityRequirements
	OpportunityResponse opportunity(@PathVariable String id, Caller caller) {
		return OpportunityResponse.of(this.opportunities.opportunity(id, caller));
	}

	@Operation(summary = "Add a shift to an opportunity",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = ShiftRequest.class),
							examples = @ExampleObject(name = "a Saturday morning canvass from the opportunity's place",
									value = """
											{
											  "startsAt": "2026-10-10T14:00:00Z",
											  "endsAt": "2026-10-10T17:00:00Z",
											  "capacity": 20
											}
												"""))))
	@PostMapping("/{id}/shifts")
	ResponseEntity<ShiftResponse> addShift(@PathVariable String id, @RequestBody ShiftRequest request, Caller caller) {
		Shift shift = this.opportunities.addShift(id, request.toPlan(), caller).shifts().get(0);
		return ResponseEntity.created(URI.create(ShiftController.PATH + "/" + shift.id()))
			.body(ShiftResponse.of(shift));
	}

	/**
	 * Edits the opportunity's title, description, type, location and virtual link (what
	 * is left out is none): {@code 200}, the opportunity as it now is.
	 */
	@Operation(summary = "Edit what volunteers read of an opportunity",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = EditOpportunityRequest.class),
							examples = @ExampleObject(name = "moved online, with a clearer title",
									value = """
											{
											  "title": "Virtual phone bank for Ballot Measure 3",
											  "description": "We call St. Louis voters about Amendment 3 from home. Training in the first 15 minutes.",
											  "type": "PHONE_BANK",
											  "virtualLink": "https://meet.example.org/mobilize-mo-phones"
											}
												"""))))
	@PutMapping("/{id}")
	OpportunityResponse edit(@PathVariable String id, @RequestBody EditOpportunityRequest request, Caller caller) {
		return OpportunityResponse.of(this.opportunities.edit(id, request.toEdit(), caller));
	}

	/**
	 * Cancels the opportunity and its shifts not over yet, with a reason their volunteers
	 * are told: {@code 200}, the opportunity as it now is.
	 */
	@Operation(summary = "Cancel an opportunity and its shifts",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = CancelRequest.class),
							examples = @ExampleObject(name = "the measure was withdrawn", value = """
									{
									  "reason": "The measure was withdrawn from the ballot; thank you for signing up."
									}
										"""))))
	@PostMapping("/{id}/cancel")
	OpportunityResponse cancel(@PathVariable String id, @RequestBody CancelRequest request, Caller caller) {
		return OpportunityResponse.of(this.opportunities.cancel(id, request.reason(), caller));
	}

	@Operation(summary = "Open a draft opportunity to volunteers")
	@PostMapping("/{id}/publish")
	OpportunityResponse publish(@PathVariable String id, Caller caller) {
		return OpportunityResponse.of(this.opportunities.publish(id, caller));
	}

}
