package org.groundgame.notification.inbox;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.groundgame.security.Caller;

import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/notifications/inbox}: a chapter's inbox, for staff and that chapter. */
@RestController
@RequestMapping("/api/notifications/inbox")
class InboxController {

	private final Inbox inbox;

	InboxController(Inbox inbox) {
		this.inbox = inbox;
	}

	/**
	 * A chapter's inbox, newest first: the one {@code chapterId} names, or the calling
	 * chapter's own without it (see {@link Inbox#chapterToRead}). The caller comes from
	 * the token, so the OpenAPI document does not list it as a parameter.
	 */
	@GetMapping
	PagedModel<InboxEntryResponse> inbox(@Parameter(hidden = true) Caller caller,
			@RequestParam(required = false) String chapterId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return new PagedModel<>(this.inbox.entriesFor(caller, chapterId, page, size).map(InboxEntryResponse::of));
	}

}
