package org.groundgame.endorsement.endorsement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.groundgame.endorsement.common.Limits;
import org.groundgame.endorsement.nomination.NominationService;
import org.groundgame.endorsement.nomination.NominationStore;
import org.groundgame.endorsement.nomination.domain.Announcement;
import org.groundgame.endorsement.nomination.domain.ElectionOutcome;
import org.groundgame.endorsement.nomination.domain.EndorsementStatus;
import org.groundgame.endorsement.publicview.EndorsementView;
import org.groundgame.endorsement.publicview.PublicViews;
import org.groundgame.endorsement.race.domain.RaceLevel;
import org.groundgame.endorsement.race.domain.RaceStage;
import org.groundgame.security.Caller;
import org.groundgame.support.geography.UsState;
import org.groundgame.support.geography.UsStateCode;

import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public's view of endorsements, read from the nominations that hold them, and
 * staff's commands on them.
 */
@RestController
@Tag(name = "Endorsements",
		description = "The endorsements granted: the public lists and results, and staff recording outcomes, victories and rescissions")
@RequestMapping("/api/endorsements")
public class EndorsementController {

	private final NominationService nominations;

	private final PublicViews views;

	EndorsementController(NominationService nominations, PublicViews views) {
		this.nominations = nominations;
		this.views = views;
	}

	/**
	 * Active endorsements unless another {@code status} is asked for, newest first: by
	 * when they were granted, or with {@code sort=outcome} by when their last outcome was
	 * recorded ({@code outcome=WON&sort=outcome}: the latest victories).
	 */
	@Operation(summary = "List endorsements, filtered, newest first (public)")
	@Tag(name = "Public")
	@GetMapping
	PagedModel<EndorsementView> endorsements(@RequestParam(required = false) @UsStateCode String state,
			@RequestParam(required = false) RaceLevel level, @RequestParam(required = false) @Min(1) Integer cycle,
			@RequestParam(required = false) @Size(max = Limits.OFFICE) String office,
			@RequestParam(defaultValue = "ACTIVE") EndorsementStatus status,
			@RequestParam(required = false) @Size(max = Limits.ID) String candidateId,
			@RequestParam(required = false) ElectionOutcome outcome,
			@RequestParam(defaultValue = "endorsed") @Pattern(regexp = "endorsed|outcome",
					message = "must be endorsed or outcome") String sort,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Limits.MAX_PAGE_SIZE) int size) {
		NominationStore.EndorsementFilter filter = new NominationStore.EndorsementFilter(
				UsState.fromCode(state).orElse(null), level, cycle, office, status, candidateId, outcome);
		NominationStore.EndorsementOrder order = sort.equals("outcome") ? NominationStore.EndorsementOrder.OUTCOME
				: NominationStore.EndorsementOrder.ENDORSED;
		return new PagedModel<>(this.views.endorsements(filter, order, page, size));
	}

	/**
	 * How the endorsed did, by cycle and level: "helped elect N progressives".
	 */
	@Operation(summary = "How the endorsed did, by cycle and level (public)")
	@Tag(name = "Public")
	@GetMapping("/results")
	PublicViews.Results results(@RequestParam(required = false) @Min(1) Integer cycle,
			@RequestParam(required = false) RaceLevel level,
			@RequestParam(required = false) @UsStateCode String state) {
		return this.views.results(cycle, level, UsState.fromCode(state).orElse(null));
	}

	/**
	 * The choices a page's filters offer: the states, levels, offices and cycles of the
	 * endorsements there are.
	 */
	@Operation(summary = "The filter choices the endorsements offer (public)")
	@Tag(name = "Public")
	@GetMapping("/facets")
	PublicViews.Facets facets(@RequestParam(defaultValue = "ACTIVE") EndorsementStatus status,
			@RequestParam(required = false) @UsStateCode String state, @RequestParam(required = false) RaceLevel level,
			@RequestParam(required = false) @Min(1) Integer cycle) {
		return this.views.facets(status, UsState.fromCode(state).orElse(null), level, cycle);
	}

	@Operation(summary = "One endorsement (public)")
	@Tag(name = "Public")
	@GetMapping("/{id}")
	EndorsementView endorsement(@PathVariable String id) {
		return this.views.endorsement(this.nominations.endorsement(id));
	}

	/**
	 * The body of {@code POST /api/endorsements/{id}/outcome}: the stage is the race's
	 * own when not given.
	 */
	record OutcomeRequest(@NotNull ElectionOutcome result, RaceStage stage) {
	}

	/**
	 * Staff record how the election went ({@code WON}, {@code LOST}, {@code ADVANCED}).
	 */
	@Operation(summary = "Record an election outcome of an endorsed candidate (staff)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = { @ExampleObject(name = "Won the general", value = "{\"result\":\"WON\"}"),
							@ExampleObject(name = "Advanced past the primary",
									value = "{\"result\":\"ADVANCED\",\"stage\":\"PRIMARY\"}") })))
	@PostMapping("/{id}/outcome")
	EndorsementView recordOutcome(@PathVariable String id, @Valid @RequestBody OutcomeRequest request, Caller caller) {
		return this.views.endorsement(this.nominations.recordOutcome(caller, id, request.result(), request.stage()));
	}

	/**
	 * The body of {@code POST /api/endorsements/{id}/announcement}: public once
	 * published.
	 */
	record AnnouncementRequest(@NotBlank @Size(max = Announcement.HEADLINE) String headline,
			@NotBlank @Size(max = Announcement.MESSAGE) String message) {
	}

	/**
	 * Staff publish the announcement of the candidate's victory: once, after an outcome
	 * {@code WON}; chapters hear of it and the candidate's page shows it.
	 */
	@Operation(summary = "Publish the announcement of an endorsed candidate's victory, once (staff)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "Victory",
							value = "{\"headline\":\"Victory for LaDonna Appelbaum!\",\"message\":\"Thank you to every volunteer who knocked doors in District 79.\"}"))))
	@PostMapping("/{id}/announcement")
	EndorsementView announceVictory(@PathVariable String id, @Valid @RequestBody AnnouncementRequest request,
			Caller caller) {
		return this.views
			.endorsement(this.nominations.announceVictory(caller, id, request.headline(), request.message()));
	}

	/** The body of {@code POST /api/endorsements/{id}/rescind}: the reason is public. */
	record RescindRequest(@NotBlank @Size(max = Limits.REASON) String reason) {
	}

	@Operation(summary = "Rescind an endorsement, with a public reason (staff)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "Rescinded",
							value = "{\"reason\":\"The candidate withdrew from the race.\"}"))))
	@PostMapping("/{id}/rescind")
	EndorsementView rescind(@PathVariable String id, @Valid @RequestBody RescindRequest request, Caller caller) {
		return this.views.endorsement(this.nominations.rescind(caller, id, request.reason()));
	}

}
