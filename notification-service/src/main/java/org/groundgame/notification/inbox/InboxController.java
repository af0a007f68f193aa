package org.groundgame.notification.inbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.groundgame.security.Caller;

import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/notifications/inbox}: a chapter's inbox, for staff and that chapter, and
 * staff's own. Whose inbox a call is about, {@link Inbox#recipientToRead} decides from
 * the caller (from the token, so the OpenAPI document does not list it as a parameter)
 * and {@code chapterId}.
 */
@Tag(name = "Inbox", description = "A chapter's or staff's in-app inbox: entries, unread counts, read marks")
@RestController
@RequestMapping("/api/notifications/inbox")
class InboxController {

	private final Inbox inbox;

	InboxController(Inbox inbox) {
		this.inbox = inbox;
	}

	/**
	 * An inbox, newest first: the chapter's {@code chapterId} names, or without it the
	 * calling chapter's own, or staff's own inbox when staff call.
	 * @param read only the entries read ({@code true}) or unread ({@code false})
	 */
	@Operation(summary = "List an inbox, newest first")
	@GetMapping
	PagedModel<InboxEntryResponse> inbox(@Parameter(hidden = true) Caller caller,
			@RequestParam(required = false) String chapterId, @RequestParam(required = false) Boolean read,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return new PagedModel<>(this.inbox.entriesFor(caller, chapterId, read, page, size).map(InboxEntryResponse::of));
	}

	/** How many entries of that inbox are unread. */
	@Operation(summary = "Count the unread entries of an inbox")
	@GetMapping("/unread-count")
	UnreadCount unreadCount(@Parameter(hidden = true) Caller caller, @RequestParam(required = false) String chapterId) {
		return new UnreadCount(this.inbox.unreadCount(caller, chapterId));
	}

	/** Marks every unread entry of that inbox read; answers how many changed. */
	@Operation(summary = "Mark every entry of an inbox read")
	@PostMapping("/read-all")
	MarkedRead readAll(@Parameter(hidden = true) Caller caller, @RequestParam(required = false) String chapterId) {
		return new MarkedRead(this.inbox.markAllRead(caller, chapterId));
	}

	/** Marks one entry read; answers the entry. */
	@Operation(summary = "Mark one entry read")
	@PostMapping("/{entryId}/read")
	InboxEntryResponse read(@Parameter(hidden = true) Caller caller, @PathVariable String entryId) {
		return InboxEntryResponse.of(this.inbox.mark(caller, entryId, true));
	}

	/** Marks one entry unread again; answers the entry. */
	@Operation(summary = "Mark one entry unread again")
	@PostMapping("/{entryId}/unread")
	InboxEntryResponse unread(@Parameter(hidden = true) Caller caller, @PathVariable String entryId) {
		return InboxEntryResponse.of(this.inbox.mark(caller, entryId, false));
	}

	record UnreadCount(long unread) {
	}

	record MarkedRead(long changed) {
	}

}
