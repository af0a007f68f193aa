package org.groundgame.volunteer.volunteer;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.groundgame.security.Caller;
import org.groundgame.support.domain.InvalidInputException;

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
 * {@code /api/volunteers}: the public "join the team" sign-up and the confirmation of a
 * sign-up again from the person's mailbox, and for staff and the volunteer's chapter the
 * members, their chapter and their erasure. Who may see what is the application service's
 * to decide, with the {@link Caller}.
 */
@RestController
@RequestMapping(VolunteerController.PATH)
@Tag(name = "Volunteers",
		description = "Volunteers: sign-up with consent, their private links, their chapter and erasure")
class VolunteerController {

	static final String PATH = "/api/volunteers";

	static final int MAX_PAGE_SIZE = 100;

	/** The header that carries the token of a confirmation link. */
	static final String CONFIRMATION_TOKEN = "X-Confirmation-Token";

	/** The header that carries the volunteer's key (the token of their private link). */
	static final String MANAGE_TOKEN = "X-Manage-Token";

	private final VolunteerService volunteers;

	private final Clock clock;

	VolunteerController(VolunteerService volunteers, Clock clock) {
		this.volunteers = volunteers;
		this.clock = clock;
	}

	/**
	 * Signs up, or up again with a known address. To the public: {@code 202} either way,
	 * with what was sent (checked and normalized) and nothing else, no id, so the answer
	 * does not tell whether the address was known; the private link or the confirmation
	 * goes to the address. To staff: {@code 201} with the volunteer's id, as staff may
	 * look anyone up anyway.
	 */
	@Operation(summary = "Sign a volunteer up (join the team)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = SignUpRequest.class),
							examples = @ExampleObject(name = "a volunteer who takes e-mails but no texts", value = """
									{
									  "name": "Ada King",
									  "email": "ada.king@example.org",
									  "phone": "(314) 555-0123",
									  "zip": "63118",
									  "state": "MO",
									  "chapterId": "chapter-stl",
									  "interests": ["CANVASSING", "PHONE_BANKING"],
									  "consent": { "email": true, "sms": false },
									  "source": "join-the-team",
									  "language": "en"
									}
										"""))))
	@PostMapping
	@SecurityRequirements
	ResponseEntity<VolunteerResponse> signUp(@RequestBody SignUpRequest request, Caller caller) {
		VolunteerService.SignedUp signedUp = this.volunteers.signUp(request.toSignUp(), caller);
		if (caller.isStaff()) {
			return ResponseEntity.created(URI.create(PATH + "/" + signedUp.id()))
				.body(VolunteerResponse.signedUp(signedUp.id(), signedUp.contact()));
		}
		return ResponseEntity.accepted().body(VolunteerResponse.signedUp(null, signedUp.contact()));
	}

	/**
	 * The person confirms, with the token of the link sent to their address, the change
	 * asked for with it: {@code 200} with their details as they now are (they proved they
	 * hold the mailbox); {@code 404} for a link unknown, used or expired.
	 */
	@Operation(summary = "Confirm a change asked for with the volunteer's address")
	@PostMapping("/confirmations")
	@SecurityRequirements
	VolunteerResponse confirm(@RequestHeader(name = CONFIRMATION_TOKEN, required = false) String token) {
		return VolunteerResponse.of(this.volunteers.confirmChange(token));
	}

	/**
	 * The person declines, with the token of the link sent to their address, the change
	 * asked for with it ("it was not me"): nothing changes, the link is spent, and the
	 * places on shifts held with it are given up. {@code 200} with how many; {@code 404}
	 * for a link unknown or used.
	 */
	@Operation(summary = "Decline a change asked for with the volunteer's address")
	@DeleteMapping("/confirmations")
	@SecurityRequirements
	DeclinedResponse decline(@RequestHeader(name = CONFIRMATION_TOKEN, required = false) String token) {
		return new DeclinedResponse(this.volunteers.decline(token));
	}

	/** The answer to a declined change: how many places on shifts were given up. */
	record DeclinedResponse(int releasedPlaces) {
	}

	/**
	 * "My shifts": the volunteer's own signups, for the holder of their key only
	 * ({@code X-Manage-Token}); {@code 401} without one, {@code 404} for any other key or
	 * volunteer.
	 */
	@Operation(summary = "A volunteer's own shifts, opened by their key")
	@GetMapping("/{id}/shifts")
	@SecurityRequirements
	MyShiftsResponse myShifts(@PathVariable String id,
			@RequestHeader(name = MANAGE_TOKEN, required = false) String key) {
		return MyShiftsResponse.of(this.volunteers.myShifts(id, key), this.clock.instant());
	}

	/**
	 * The members a caller may see, by chapter, interest, address, and what they said to
	 * e-mail ({@code emailConsent}) and to texts ({@code smsConsent}): {@code OPT_IN} (or
	 * {@code true}), {@code OPT_OUT} (or {@code false}), {@code UNSPECIFIED}.
	 */
	@Operation(summary = "List the volunteers the caller may see")
	@GetMapping
	PagedModel<VolunteerResponse> volunteers(@RequestParam(required = false) String chapterId,
			@RequestParam(required = false) String interest, @RequestParam(required = false) String email,
			@RequestParam(required = false) String emailConsent, @RequestParam(required = false) String smsConsent,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size, Caller caller) {
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		Optional<Interest> byInterest = interest(interest, errors);
		Optional<ConsentStatus> byEmail = consent("emailConsent", emailConsent, errors);
		Optional<ConsentStatus> bySms = consent("smsConsent", smsConsent, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new PagedModel<>(this.volunteers
			.volunteers(Optional.ofNullable(chapterId).filter((id) -> !id.isBlank()), byInterest,
					Optional.ofNullable(email).filter((e) -> !e.isBlank()), byEmail, bySms, caller, page, size)
			.map(VolunteerResponse::of));
	}

	/**
	 * A member's shifts and hours, for the organizers: staff, or the member's chapter
	 * (another → {@code 403}); an unknown or erased member → {@code 404}.
	 */
	@Operation(summary = "A volunteer's shifts and hours, for organizers")
	@GetMapping("/{id}/history")
	VolunteerHistoryResponse history(@PathVariable String id, Caller caller) {
		return VolunteerHistoryResponse.of(this.volunteers.history(id, caller), this.clock.instant());
	}

	@Operation(summary = "A volunteer")
	@GetMapping("/{id}")
	VolunteerResponse volunteer(@PathVariable String id, Caller caller) {
		return VolunteerResponse.of(this.volunteers.volunteer(id, caller));
	}

	/** The body of {@code PUT /api/volunteers/{id}/chapter}. */
	record ChapterRequest(String chapterId) {
	}

	@Operation(summary = "Move a volunteer to another chapter")
	@PutMapping("/{id}/chapter")
	VolunteerResponse moveToChapter(@PathVariable String id, @RequestBody ChapterRequest request, Caller caller) {
		return VolunteerResponse.of(this.volunteers.moveToChapter(id, request.chapterId(), caller));
	}

	/**
	 * Erases the volunteer's personal data: {@code 204}; an erased or unknown volunteer
	 * is {@code 404}.
	 */
	@Operation(summary = "Erase a volunteer's personal data")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> erase(@PathVariable String id, Caller caller) {
		this.volunteers.erase(id, caller);
		return ResponseEntity.noContent().build();
	}

	private static Optional<ConsentStatus> consent(String field, String given,
			List<InvalidInputException.FieldError> errors) {
		if (given == null || given.isBlank()) {
			return Optional.empty();
		}
		String value = given.strip().toUpperCase(Locale.ROOT);
		switch (value) {
			case "TRUE" -> {
				return Optional.of(ConsentStatus.OPT_IN);
			}
			case "FALSE" -> {
				return Optional.of(ConsentStatus.OPT_OUT);
			}
			default -> {
				try {
					return Optional.of(ConsentStatus.valueOf(value));
				}
				catch (IllegalArgumentException ex) {
					errors.add(new InvalidInputException.FieldError(field,
							"must be OPT_IN, OPT_OUT or UNSPECIFIED (or true / false)"));
					return Optional.empty();
				}
			}
		}
	}

	private static Optional<Interest> interest(String interest, List<InvalidInputException.FieldError> errors) {
		if (interest == null || interest.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Interest.valueOf(interest.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			errors
				.add(new InvalidInputException.FieldError("interest", "must be one of " + List.of(Interest.values())));
			return Optional.empty();
		}
	}

}
