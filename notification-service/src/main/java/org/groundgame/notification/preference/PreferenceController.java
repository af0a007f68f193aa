package org.groundgame.notification.preference;

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
@RestController
class PreferenceController {

	static final String TOKEN_HEADER = "X-Preferences-Token";

	private final EmailPreferenceService preferences;

	PreferenceController(EmailPreferenceService preferences) {
		this.preferences = preferences;
	}

	@GetMapping("/api/notifications/preferences")
	PreferencesResponse preferences(@RequestHeader(name = TOKEN_HEADER, required = false) String token) {
		return this.preferences.view(token).map(PreferencesResponse::of).orElseThrow(UnknownLink::new);
	}

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
