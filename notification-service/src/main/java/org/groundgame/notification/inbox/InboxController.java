package org.groundgame.notification.inbox;

import org.springframework.data.web.PagedModel;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications/inbox")
class InboxController {

	private final Inbox inbox;

	InboxController(Inbox inbox) {
		this.inbox = inbox;
	}

	/**
	 * A chapter's inbox, newest first. {@code chapterId} is validated rather than
	 * {@code required} so that its absence is answered like any invalid field: a 400
	 * problem naming it.
	 */
	@GetMapping
	PagedModel<InboxEntryResponse> inbox(@RequestParam(required = false) @NotBlank String chapterId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return new PagedModel<>(this.inbox.entriesOf(chapterId, page, size).map(InboxEntryResponse::of));
	}

}
