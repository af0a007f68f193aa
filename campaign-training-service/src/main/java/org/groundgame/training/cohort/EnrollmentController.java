package org.groundgame.training.cohort;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.groundgame.security.Caller;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/training/enrollments}: an enrollment, its withdrawal, and the answer to a
 * seat offer, for staff or whoever holds its manage token ({@value #MANAGE_TOKEN}
 * header); a staff override that enrolls a trainee out of turn or over capacity.
 */
@RestController
@RequestMapping(EnrollmentController.PATH)
@Tag(name = "Enrollments", description = "Enrollments: seat offers, withdrawal, promotion and erasure")
class EnrollmentController {

	static final String PATH = "/api/training/enrollments";

	static final String MANAGE_TOKEN = "X-Manage-Token";

	private final CohortService cohorts;

	EnrollmentController(CohortService cohorts) {
		this.cohorts = cohorts;
	}

	@Operation(summary = "An enrollment, for its trainee or training staff")
	@GetMapping("/{enrollmentId}")
	@SecurityRequirements
	EnrollmentResponse enrollment(@PathVariable String enrollmentId,
			@RequestHeader(name = MANAGE_TOKEN, required = false) String manageToken, Caller caller) {
		return EnrollmentResponse.of(this.cohorts.enrollment(enrollmentId, caller, manageToken));
	}

	@Operation(summary = "Withdraw from a cohort")
	@PostMapping("/{enrollmentId}/withdraw")
	@SecurityRequirements
	EnrollmentResponse withdraw(@PathVariable String enrollmentId,
			@RequestHeader(name = MANAGE_TOKEN, required = false) String manageToken, Caller caller) {
		return EnrollmentResponse.of(this.cohorts.withdraw(enrollmentId, caller, manageToken));
	}

	@Operation(summary = "Accept a seat offered")
	@PostMapping("/{enrollmentId}/accept-offer")
	@SecurityRequirements
	EnrollmentResponse acceptOffer(@PathVariable String enrollmentId,
			@RequestHeader(name = MANAGE_TOKEN, required = false) String manageToken, Caller caller) {
		return EnrollmentResponse.of(this.cohorts.acceptOffer(enrollmentId, caller, manageToken));
	}

	@Operation(summary = "Decline a seat offered")
	@PostMapping("/{enrollmentId}/decline-offer")
	@SecurityRequirements
	EnrollmentResponse declineOffer(@PathVariable String enrollmentId,
			@RequestHeader(name = MANAGE_TOKEN, required = false) String manageToken, Caller caller) {
		return EnrollmentResponse.of(this.cohorts.declineOffer(enrollmentId, caller, manageToken));
	}

	/**
	 * Erases the trainee's personal data ({@code 204}), for them or staff; the enrollment
	 * stays, anonymous. Someone still in the running is withdrawn first.
	 */
	@Operation(summary = "Erase an enrollment's personal data")
	@DeleteMapping("/{enrollmentId}")
	@SecurityRequirements
	ResponseEntity<Void> erase(@PathVariable String enrollmentId,
			@RequestHeader(name = MANAGE_TOKEN, required = false) String manageToken, Caller caller) {
		this.cohorts.erase(enrollmentId, caller, manageToken);
		return ResponseEntity.noContent().build();
	}

	/** Staff enroll a waiting or offered trainee now, whatever the line or the seats. */
	@Operation(summary = "Enroll a waitlisted trainee past the line (training staff)")
	@PostMapping("/{enrollmentId}/enroll")
	EnrollmentResponse enrollByStaff(@PathVariable String enrollmentId, @RequestBody OverrideRequest request,
			Caller caller) {
		return EnrollmentResponse.of(this.cohorts.enrollByStaff(enrollmentId, request.reason(), caller));
	}

	record OverrideRequest(String reason) {
	}

}
