package org.groundgame.endorsement.nomination;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.groundgame.endorsement.common.Limits;
import org.groundgame.endorsement.nomination.domain.Nomination;
import org.groundgame.endorsement.nomination.domain.NominationStatus;
import org.groundgame.endorsement.race.domain.RaceLevel;
import org.groundgame.security.Caller;
import org.groundgame.support.geography.UsState;
import org.groundgame.support.geography.UsStateCode;

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
 * Nominations: submitted by anyone (a chapter's token attributes them to that chapter),
 * seen by staff and their chapter, reviewed and decided by staff. The caller comes from
 * the token only; the application service decides what it may do.
 */
@RestController
@Tag(name = "Nominations",
		description = "Nominating candidates and ballot-measure positions, and staff taking them through review to a decision")
@RequestMapping("/api/nominations")
class NominationController {

	private final NominationService nominations;

	NominationController(NominationService nominations) {
		this.nominations = nominations;
	}

	@Operation(summary = "Submit a nomination (anyone; a chapter's token attributes it to the chapter)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
					@ExampleObject(name = "A candidate for a state house seat",
							value = "{\"candidate\":{\"name\":\"LaDonna Appelbaum\",\"email\":\"ladonna@example.org\",\"website\":\"https://ladonnaforstl.example.org\"},\"race\":{\"office\":\"State Representative\",\"level\":\"STATE\",\"state\":\"MO\",\"district\":\"79\",\"electionDate\":\"2028-11-07\",\"stage\":\"GENERAL\"},\"nominatedBy\":{\"name\":\"Jordan Ellis\",\"email\":\"jordan@example.org\",\"chapterId\":\"chapter-stl\"},\"statement\":\"A tenant organizer our chapter has knocked doors with for six years.\"}"),
					@ExampleObject(name = "A position on a ballot measure",
							value = "{\"ballotMeasure\":{\"title\":\"Amendment 3\",\"position\":\"YES\"},\"race\":{\"level\":\"STATE\",\"state\":\"MO\",\"electionDate\":\"2028-11-07\"},\"statement\":\"Restores reproductive freedom in Missouri.\"}"),
					@ExampleObject(name = "A candidate for a race already known, with the chapter's form",
							value = "{\"candidate\":{\"name\":\"Marcus Hill\"},\"raceId\":\"race-id-from-get-api-races\",\"chapterForm\":{\"statement\":\"Voted at our March meeting after a candidate forum.\",\"meetingDate\":\"2026-03-12\",\"votesFor\":41,\"votesAgainst\":3}}") })))
	@PostMapping
	ResponseEntity<NominationView> submit(@Valid @RequestBody SubmitNominationRequest request, Caller caller) {
		Nomination nomination = this.nominations.submit(caller, request.toDraft());
		return ResponseEntity.created(URI.create("/api/nominations/" + nomination.id()))
			.body(NominationView.submitted(nomination, caller));
	}

	@Operation(summary = "One nomination (staff, or the chapter it is attributed to)")
	@GetMapping("/{id}")
	NominationView nomination(@PathVariable String id, Caller caller) {
		return NominationView.of(this.nominations.nomination(caller, id), caller.isStaff());
	}

	@Operation(summary = "List nominations, filtered, newest first (staff: all; a chapter: its own)")
	@GetMapping
	PagedModel<NominationView> nominations(@RequestParam(required = false) NominationStatus status,
			@RequestParam(required = false) @UsStateCode String state,
			@RequestParam(required = false) @Min(1) Integer cycle, @RequestParam(required = false) RaceLevel level,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Limits.MAX_PAGE_SIZE) int size, Caller caller) {
		return new PagedModel<>(this.nominations.nominations(caller, status, filter(state, cycle, level), page, size)
			.map((nomination) -> NominationView.of(nomination, caller.isStaff())));
	}

	/**
	 * How many nominations there are in each status (every status named, zero included),
	 * narrowed by the list's other filters: staff count all, a chapter its own.
	 */
	@Operation(summary = "Count nominations per status (staff: all; a chapter: its own)")
	@GetMapping("/counts")
	Map<NominationStatus, Long> counts(@RequestParam(required = false) @UsStateCode String state,
			@RequestParam(required = false) @Min(1) Integer cycle, @RequestParam(required = false) RaceLevel level,
			Caller caller) {
		return this.nominations.nominationCounts(caller, filter(state, cycle, level));
	}

	private static NominationStore.NominationFilter filter(String state, Integer cycle, RaceLevel level) {
		return new NominationStore.NominationFilter(UsState.fromCode(state).orElse(null), cycle, level);
	}

	@Operation(summary = "Take a nomination up for review (staff)")
	@PostMapping("/{id}/review")
	NominationView review(@PathVariable String id, @Valid @RequestBody ReviewRequest request, Caller caller) {
		return NominationView.of(this.nominations.startReview(caller, id, request.reviewer()));
	}

	/** The body of {@code POST …/hold} and {@code POST …/withdraw}. */
	record ReasonRequest(@Size(max = Limits.REASON) String reason) {
	}

	/** Staff pause a review ({@code UNDER_REVIEW → ON_HOLD}). */
	@Operation(summary = "Put a review on hold (staff)")
	@PostMapping("/{id}/hold")
	NominationView hold(@PathVariable String id, @Valid @RequestBody(required = false) ReasonRequest request,
			Caller caller) {
		return NominationView.of(this.nominations.hold(caller, id, (request != null) ? request.reason() : null));
	}

	/** Staff take a held review up again ({@code ON_HOLD → UNDER_REVIEW}). */
	@Operation(summary = "Resume a held review (staff)")
	@PostMapping("/{id}/resume")
	NominationView resume(@PathVariable String id, Caller caller) {
		return NominationView.of(this.nominations.resume(caller, id));
	}

	@Operation(summary = "Record the research on a nomination (staff)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "Research on an open seat",
							value = "{\"incumbency\":\"OPEN_SEAT\",\"opponents\":[{\"name\":\"Dale Whitfield\",\"party\":\"Republican\",\"incumbent\":false}],\"polling\":[{\"pollster\":\"Remington Research\",\"date\":\"2026-05-02\",\"numbers\":\"44-41\",\"source\":\"https://polls.example.org/mo-79\"}],\"fundraising\":{\"amount\":38250.0,\"asOf\":\"2026-06-30\",\"source\":\"https://mec.example.org/reports/123\"},\"winNumber\":7400,\"notes\":\"Turnout in the primary decides it.\"}"))))
	@PutMapping("/{id}/research")
	NominationView research(@PathVariable String id, @Valid @RequestBody ResearchRequest request, Caller caller) {
		return NominationView.of(this.nominations.recordResearch(caller, id, request));
	}

	@Operation(summary = "Record staff's recommendation (staff)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "Endorse, top tier",
							value = "{\"recommendation\":\"ENDORSE\",\"tier\":\"TIER_1\",\"rationale\":\"Strong field plan, aligned on every platform plank.\"}"))))
	@PutMapping("/{id}/recommendation")
	NominationView recommendation(@PathVariable String id, @Valid @RequestBody RecommendationRequest request,
			Caller caller) {
		return NominationView.of(this.nominations.recommend(caller, id, request));
	}

	@Operation(summary = "Endorse or decline a nomination (staff)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
					@ExampleObject(name = "Endorse",
							value = "{\"decision\":\"ENDORSE\",\"reason\":\"The board's vote of June 4.\"}"),
					@ExampleObject(name = "Decline",
							value = "{\"decision\":\"DECLINE\",\"reason\":\"The candidate did not return the questionnaire.\"}") })))
	@PostMapping("/{id}/decision")
	NominationView decide(@PathVariable String id, @Valid @RequestBody DecisionRequest request, Caller caller) {
		return NominationView.of(this.nominations.decide(caller, id, request.decision(), request.reason()));
	}

	/** The nominating chapter or staff withdraw a pending nomination. */
	@Operation(summary = "Withdraw a pending nomination (the nominating chapter or staff)")
	@PostMapping("/{id}/withdraw")
	NominationView withdraw(@PathVariable String id, @Valid @RequestBody(required = false) ReasonRequest request,
			Caller caller) {
		return NominationView.of(this.nominations.withdraw(caller, id, (request != null) ? request.reason() : null),
				caller.isStaff());
	}

	@Operation(summary = "File the chapter's endorsement form (the nominating chapter or staff)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "The chapter's vote",
							value = "{\"statement\":\"Voted at our March meeting after a candidate forum.\",\"meetingDate\":\"2026-03-12\",\"votesFor\":41,\"votesAgainst\":3}"))))
	@PostMapping("/{id}/chapter-form")
	NominationView chapterForm(@PathVariable String id, @Valid @RequestBody ChapterFormRequest request, Caller caller) {
		return NominationView.of(this.nominations.fileChapterForm(caller, id, request), caller.isStaff());
	}

	/** The body of {@code POST …/questionnaire}: where to send the new link. */
	record QuestionnaireRequest(@Email(regexp = Limits.EMAIL_DOMAIN_WITH_DOT,
			message = "must be a well-formed e-mail address") @Size(max = Limits.EMAIL) String email) {
	}

	/** Staff send the candidate a new questionnaire link; the old one stops working. */
	@Operation(summary = "Send the candidate a new questionnaire link (staff)")
	@PostMapping("/{id}/questionnaire")
	NominationView reissueQuestionnaire(@PathVariable String id,
			@Valid @RequestBody(required = false) QuestionnaireRequest request, Caller caller) {
		return NominationView
			.of(this.nominations.reissueQuestionnaire(caller, id, (request != null) ? request.email() : null));
	}

}
