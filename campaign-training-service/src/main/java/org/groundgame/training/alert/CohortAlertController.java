package org.groundgame.training.alert;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.groundgame.training.cohort.Track;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/training/cohort-alerts} (public): "tell me when the next cohort opens".
 * Asking answers {@code 202} and nothing else, for a new address and one that asked
 * before alike; the alert is seen and stopped only with the token of the private link
 * e-mailed to the address ({@value CohortAlertService#TOKEN_HEADER} header).
 */
@RestController
@RequestMapping(CohortAlertController.PATH)
@Tag(name = "Alerts", description = "Alerts that e-mail a person when a cohort of a track opens")
class CohortAlertController {

	static final String PATH = "/api/training/cohort-alerts";

	private final CohortAlertService alerts;

	CohortAlertController(CohortAlertService alerts) {
		this.alerts = alerts;
	}

	@Operation(summary = "Ask to be told when a cohort of a track opens",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = AlertRequest.class),
							examples = @ExampleObject(
									name = "tell me, in Spanish, when the next organizer cohort opens", value = """
											{
											  "email": "grace@example.org",
											  "name": "Grace",
											  "track": "ORGANIZER",
											  "consent": true,
											  "language": "es"
											}
												"""))))
	@PostMapping
	@SecurityRequirements
	ResponseEntity<AlertReceived> request(@RequestBody AlertRequest request) {
		Track track = this.alerts.request(new CohortAlert.Asked(request.email(), request.name(), request.track(),
				request.consent(), request.language()));
		return ResponseEntity.accepted().body(new AlertReceived(track));
	}

	@Operation(summary = "An alert, opened by its token")
	@GetMapping
	@SecurityRequirements
	AlertResponse alert(@RequestHeader(name = CohortAlertService.TOKEN_HEADER, required = false) String token) {
		return AlertResponse.of(this.alerts.alert(token));
	}

	@Operation(summary = "Cancel an alert, opened by its token")
	@DeleteMapping
	@SecurityRequirements
	ResponseEntity<Void> cancel(@RequestHeader(name = CohortAlertService.TOKEN_HEADER, required = false) String token) {
		this.alerts.cancel(token);
		return ResponseEntity.noContent().build();
	}

	/**
	 * @param consent must be {@code true}
	 * @param language {@code en} (default) or {@code es}
	 */
	record AlertRequest(String email, String name, String track, Boolean consent, String language) {
	}

	/** The answer to asking: received; what the address gets is e-mailed to it. */
	record AlertReceived(Track track) {
	}

	/**
	 * An alert as its link shows it to its owner: what it waits for, not the address.
	 */
	record AlertResponse(String track, String language, Instant requestedAt) {

		static AlertResponse of(CohortAlert alert) {
			return new AlertResponse(alert.track().name(), alert.language().code(), alert.requestedAt());
		}

	}

}
