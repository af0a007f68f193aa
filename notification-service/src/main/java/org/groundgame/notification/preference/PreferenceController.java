package org.groundgame.notification.preference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.groundgame.support.domain.FieldProblems;
import org.groundgame.support.domain.NotFoundException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's e-mail preferences, with no account: read and changed with the token of the
 * link every e-mail to them carries ({@code X-Preferences-Token}), and one topic left in
 * one click with the token of a message's {@code List-Unsubscribe} address (RFC 8058). A
 * missing, unknown or altered token is a {@code 404} that names nothing, whatever was
 * guessed.
 */
@Tag(name = "Preferences",
		description = "A person's e-mail preferences, read and changed with the token of their e-mails")
@RestController
class PreferenceController {

	static final String TOKEN_HEADER = "X-Preferences-Token";

	private final EmailPreferenceService preferences;

	PreferenceController(EmailPreferenceService preferences) {
		this.preferences = preferences;
	}

	@Operation(summary = "Read a person's e-mail preferences")
	@GetMapping("/api/notifications/preferences")
	PreferencesResponse preferences(@RequestHeader(name = TOKEN_HEADER, required = false) String token) {
		return this.preferences.view(token).map(PreferencesResponse::of).orElseThrow(UnknownLink::new);
	}

	@Operation(summary = "Change a person's e-mail preferences",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = PreferencesRequest.class),
							examples = @ExampleObject(name = "shift e-mails on, news off",
									value = """
											{
											  "email": true,
											  "topics": [ { "topic": "SHIFTS", "subscribed": true }, { "topic": "NEWS", "subscribed": false } ]
											}
											"""))))
	@PutMapping("/api/notifications/preferences")
	PreferencesResponse choose(@RequestHeader(name = TOKEN_HEADER, required = false) String token,
			@RequestBody PreferencesRequest request) {
		var choices = request.choices();
		return this.preferences.choose(token, request.email(), choices)
			.map(PreferencesResponse::of)
			.orElseThrow(UnknownLink::new);
	}

	/**
	 * RFC 8058: the mail client POSTs {@code List-Unsubscribe=One-Click}, form-encoded,
	 * to the header's address; no session, no page. Only a POST unsubscribes (a link
	 * checker that fetches the address changes nothing).
	 */
	@Operation(summary = "Unsubscribe in one click (RFC 8058)")
	@PostMapping(path = EmailPreferenceService.ONE_CLICK_PATH,
			consumes = { MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE })
	ResponseEntity<Void> unsubscribe(@RequestParam(name = "token", required = false) String token,
			@RequestParam(name = "List-Unsubscribe", required = false) String oneClick) {
		if (!"One-Click".equals(oneClick)) {
			FieldProblems problems = new FieldProblems();
			problems.add("List-Unsubscribe", "must be One-Click (RFC 8058)");
			problems.throwIfAny();
		}
		if (!this.preferences.unsubscribe(token)) {
			throw new UnknownLink();
		}
		return ResponseEntity.noContent().build();
	}

	/** A token that opens nothing, answered without naming anything. */
	static final class UnknownLink extends NotFoundException {

		UnknownLink() {
			super("e-mail preferences", "(link)");
		}

		@Override
		public String getMessage() {
			return "This link opens no e-mail preferences.";
		}

	}

}
