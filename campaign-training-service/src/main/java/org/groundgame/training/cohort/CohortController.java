package org.groundgame.training.cohort;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
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
 * {@code /api/training/cohorts}: the public list of cohorts with their open seats and
 * applications (no token needed, as {@code SecurityConfiguration} and the empty
 * {@code @SecurityRequirements} of the OpenAPI document say); opening a cohort and
 * changing its capacity are staff's.
 */
@RestController
@RequestMapping(CohortController.PATH)
@Tag(name = "Cohorts",
		description = "Campaign Leadership School cohorts: capacity, applications, attendance and completion")
class CohortController {

	static final String PATH = "/api/training/cohorts";

	static final int MAX_PAGE_SIZE = 100;

	private final CohortService cohorts;

	CohortController(CohortService cohorts) {
		this.cohorts = cohorts;
	}

	@Operation(summary = "List cohorts")
	@GetMapping
	@SecurityRequirements
	PagedModel<CohortResponse> cohorts(@RequestParam(required = false) Track track,
			@RequestParam(required = false) Boolean open, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
		LocalDate today = this.cohorts.today();
		return new PagedModel<>(
				this.cohorts.cohorts(track, open, page, size).map((cohort) -> CohortResponse.of(cohort, today)));
	}

	/** One cohort, as listed (public): for a cohort's page, without reading the list. */
	@Operation(summary = "A cohort with its seats and waitlist")
	@GetMapping("/{cohortId}")
	@SecurityRequirements
	CohortResponse cohort(@PathVariable String cohortId) {
		return CohortResponse.of(this.cohorts.publicCohort(cohortId), this.cohorts.today());
	}

	@Operation(summary = "Open a cohort (training staff)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = CreateCohortRequest.class),
							examples = @ExampleObject(name = "a hybrid candidate school of three Saturdays", value = """
									{
									  "name": "Candidate School, Spring 2027",
									  "track": "CANDIDATE",
									  "sessions": ["2027-03-06", "2027-03-13", "2027-03-20"],
									  "format": "HYBRID",
									  "location": "Mobilize Missouri office, St. Louis, and online",
									  "capacity": 24,
									  "applicationDeadline": "2027-02-20",
									  "offerHours": 48,
									  "reflectionQuestions": [
									    "Why do you want to run for office?",
									    "Which issue in your community would you work on first?"
									  ]
									}
										"""))))
	@PostMapping
	ResponseEntity<CohortResponse> open(@RequestBody CreateCohortRequest request, Caller caller) {
		Cohort cohort = this.cohorts.open(request.toPlan(), caller);
		return ResponseEntity.created(URI.create(PATH + "/" + cohort.id()))
			.body(CohortResponse.of(cohort, this.cohorts.today()));
	}

	@Operation(summary = "Change a cohort's capacity")
	@PutMapping("/{cohortId}/capacity")
	CohortResponse changeCapacity(@PathVariable String cohortId, @RequestBody CapacityRequest request, Caller caller) {
		return CohortResponse.of(this.cohorts.changeCapacity(cohortId, request.capacity(), caller),
				this.cohorts.today());
	}

	/**
	 * Applies: {@code 202} with nothing but the cohort's id, whether the address is new
	 * to the cohort or has applied before, so that the answer tells a stranger nothing;
	 * the private link to the application goes to the address given.
	 */
	@Operation(summary = "Apply to a cohort (a seat, else a place on the waitlist)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = ApplicationRequest.class),
							examples = @ExampleObject(name = "a chapter member who plans to run for city council",
									value = """
											{
											  "name": "Ada King",
											  "email": "ada.king@example.org",
											  "state": "MO",
											  "chapterId": "chapter-stl",
											  "plansToRun": true,
											  "office": "St. Louis Board of Aldermen, Ward 8",
											  "answers": [
											    "To bring tenants' voices to City Hall.",
											    "Housing: code enforcement for rentals."
											  ],
											  "language": "en"
											}
												"""))))
	@PostMapping("/{cohortId}/applications")
	@SecurityRequirements
	ResponseEntity<ApplicationReceived> apply(@PathVariable String cohortId, @RequestBody ApplicationRequest request) {
		this.cohorts.apply(cohortId, new Cohort.Application(request.name(), request.email(), request.state(),
				request.chapterId(), request.plansToRun(), request.office(), request.answers(), request.language()));
		return ResponseEntity.accepted().body(new ApplicationReceived(cohortId));
	}

	/**
	 * The answer to an application: received; what became of it (a seat, a place in line,
	 * or the link again) is e-mailed to the address given.
	 */
	record ApplicationReceived(String cohortId) {
	}

	record CapacityRequest(Integer capacity) {
	}

	/**
	 * Staff record who was present at one session (numbered from 1); the enrolled
	 * trainees not listed were absent.
	 */
	@Operation(summary = "Record a session's attendance",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = AttendanceRequest.class),
							examples = @ExampleObject(
									name = "two trainees present; every other enrolled trainee absent", value = """
											{
											  "present": ["enrollment-3f1c", "enrollment-8a2d"]
											}
												"""))))
	@PutMapping("/{cohortId}/sessions/{session}/attendance")
	AttendanceResponse recordAttendance(@PathVariable String cohortId, @PathVariable int session,
			@RequestBody AttendanceRequest request, Caller caller) {
		Cohort cohort = this.cohorts.recordAttendance(cohortId, session, request.present(), caller);
		return AttendanceResponse.of(cohort, session);
	}

	/**
	 * Staff complete the cohort: those present at every session graduate, the others do
	 * not complete it.
	 */
	@Operation(summary = "Complete a cohort, graduating its trainees",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
					mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = CompletionRequest.class),
					examples = @ExampleObject(
							name = "the graduates, for the sessions whose attendance was not recorded", value = """
									{
									  "graduates": ["enrollment-3f1c", "enrollment-8a2d"]
									}
										"""))))
	@PostMapping("/{cohortId}/completion")
	CompletionResponse complete(@PathVariable String cohortId, @RequestBody(required = false) CompletionRequest request,
			Caller caller) {
		Cohort cohort = this.cohorts.complete(cohortId, (request != null) ? request.graduates() : null, caller);
		return CompletionResponse.of(cohort);
	}

	/**
	 * The cohort's roster: every enrollment for staff; a chapter sees only the trainees
	 * who named it.
	 */
	@Operation(summary = "A cohort's enrollments (training staff)")
	@GetMapping("/{cohortId}/enrollments")
	List<EnrollmentResponse> roster(@PathVariable String cohortId,
			@RequestParam(required = false) EnrollmentStatus status, Caller caller) {
		Cohort cohort = this.cohorts.roster(cohortId, caller);
		return cohort.enrollments()
			.stream()
			.filter((enrollment) -> caller.mayRunTheSchool() || caller.mayAccessChapter(enrollment.chapterId()))
			.filter((enrollment) -> status == null || enrollment.status() == status)
			.sorted(Comparator.comparingLong(Enrollment::sequence))
			.map((enrollment) -> EnrollmentResponse.of(cohort, enrollment))
			.map((response) -> caller.mayRunTheSchool() ? response : response.forChapter())
			.toList();
	}

	record ApplicationRequest(String name, String email, String state, String chapterId, Boolean plansToRun,
			String office, List<String> answers, String language) {
	}

	record AttendanceRequest(List<String> present) {
	}

	record CompletionRequest(List<String> graduates) {
	}

	/** Who was recorded present at a session and who was not. */
	record AttendanceResponse(String cohortId, int session, LocalDate date, List<String> present, List<String> absent) {

		static AttendanceResponse of(Cohort cohort, int session) {
			List<Enrollment> seated = cohort.enrollments()
				.stream()
				.filter((enrollment) -> enrollment.status() == EnrollmentStatus.ENROLLED)
				.toList();
			return new AttendanceResponse(cohort.id(), session, cohort.sessions().get(session - 1),
					seated.stream().filter((e) -> e.attended().contains(session)).map(Enrollment::id).toList(),
					seated.stream().filter((e) -> !e.attended().contains(session)).map(Enrollment::id).toList());
		}

	}

	/** How the cohort ended: who completed it and who did not. */
	record CompletionResponse(String cohortId, Instant completedAt, List<String> completed,
			List<String> didNotComplete) {

		static CompletionResponse of(Cohort cohort) {
			return new CompletionResponse(cohort.id(), cohort.completedAt(), ids(cohort, EnrollmentStatus.COMPLETED),
					ids(cohort, EnrollmentStatus.DID_NOT_COMPLETE));
		}

		private static List<String> ids(Cohort cohort, EnrollmentStatus status) {
			return cohort.enrollments()
				.stream()
				.filter((enrollment) -> enrollment.status() == status)
				.sorted(Comparator.comparingLong(Enrollment::sequence))
				.map(Enrollment::id)
				.toList();
		}

	}

}
