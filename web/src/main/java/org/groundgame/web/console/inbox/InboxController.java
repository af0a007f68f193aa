package org.groundgame.web.console.inbox;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.groundgame.web.api.PageOf;
import org.groundgame.web.console.ChapterScope;
import org.groundgame.web.console.ConsoleApis;
import org.groundgame.web.console.Organizer;
import org.groundgame.web.site.Htmx;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The inbox of a chapter ({@code /console/inbox}): what notification-service told the
 * chapter, newest first, paged, with each entry marked read or unread, and new entries
 * shown as they come (the page listens to {@code /console/inbox/stream}, this module's
 * relay of the service's stream). National staff naming no chapter read staff's own
 * inbox. The unread count of the header is {@code /console/inbox/unread}.
 */
@Controller
class InboxController {

	private static final ParameterizedTypeReference<PageOf<InboxEntry>> ENTRIES = new ParameterizedTypeReference<>() {
	};

	private static final int PAGE_SIZE = 20;

	private final ConsoleApis apis;

	private final ChapterScope scope;

	private final InboxRelay relay;

	InboxController(ConsoleApis apis, ChapterScope scope, InboxRelay relay) {
		this.apis = apis;
		this.scope = scope;
		this.relay = relay;
	}

	@GetMapping("/console/inbox")
	String inbox(Organizer organizer, @RequestParam(name = ChapterScope.PARAMETER, required = false) String chapter,
			@RequestParam(required = false) Boolean unread, @RequestParam(defaultValue = "0") int page, Model model) {
		Optional<String> chapterId = this.scope.chapter(organizer, chapter);
		PageOf<InboxEntry> entries = this.apis.notification()
			.get()
			.uri((uri) -> uri.path("/api/notifications/inbox")
				.queryParamIfPresent("chapterId", chapterId)
				.queryParamIfPresent("read",
						Optional.ofNullable(unread).filter(Boolean::booleanValue).map((u) -> false))
				.queryParam("page", Math.max(page, 0))
				.queryParam("size", PAGE_SIZE)
				.build())
			.retrieve()
			.body(ENTRIES);
		model.addAttribute("entries", entries);
		model.addAttribute("chapterId", chapterId.orElse(null));
		model.addAttribute("unreadOnly", Boolean.TRUE.equals(unread));
		model.addAttribute("chapterName", chapterId.map((id) -> this.scope.chapterNamed(id).name()).orElse(null));
		// The layout connects the page to the live stream (htmx's SSE extension): new
		// entries at the top of the list, the header's count updated. Only the first
		// page of everything shows new entries as they come.
		if (page == 0 && !Boolean.TRUE.equals(unread)) {
			model.addAttribute("liveInbox", streamPath(chapterId));
		}
		return "console/inbox";
	}

	/** The header's unread count, for htmx (a fragment), or the number alone. */
	@GetMapping("/console/inbox/unread")
	String unread(Organizer organizer, @RequestParam(name = ChapterScope.PARAMETER, required = false) String chapter,
			Model model) {
		model.addAttribute("count", unreadCount(this.scope.chapter(organizer, chapter)));
		return "console/inbox :: unread";
	}

	/**
	 * The inbox's live stream, relayed from notification-service with the person's own
	 * token: the browser never holds it. Each new entry comes as the HTML of its list
	 * item ({@code event: notification}), followed by the new unread count
	 * ({@code event: unread}).
	 */
	@GetMapping(path = "/console/inbox/stream")
	void stream(Organizer organizer, @RequestParam(name = ChapterScope.PARAMETER, required = false) String chapter,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response) throws Exception {
		Optional<String> chapterId = this.scope.chapter(organizer, chapter);
		this.relay.relay(chapterId.orElse(null), lastEventId, authentication, request, response,
				() -> unreadCount(chapterId));
	}

	@PostMapping("/console/inbox/{entryId}/read")
	String markRead(@PathVariable String entryId, @RequestParam(defaultValue = "true") boolean read,
			@RequestParam(name = ChapterScope.PARAMETER, required = false) String chapter,
			@RequestHeader(name = Htmx.REQUEST, required = false) String htmx, Organizer organizer, Model model) {
		InboxEntry entry = this.apis.notification()
			.post()
			.uri("/api/notifications/inbox/{id}/{read}", entryId, read ? "read" : "unread")
			.retrieve()
			.body(InboxEntry.class);
		Optional<String> chapterId = this.scope.chapter(organizer, chapter);
		if ("true".equals(htmx)) {
			model.addAttribute("entry", entry);
			model.addAttribute("chapterId", chapterId.orElse(null));
			model.addAttribute("count", unreadCount(chapterId));
			return "console/inbox :: marked";
		}
		return "redirect:" + inboxPath(chapterId);
	}

	@PostMapping("/console/inbox/read-all")
	String markAllRead(Organizer organizer,
			@RequestParam(name = ChapterScope.PARAMETER, required = false) String chapter) {
		Optional<String> chapterId = this.scope.chapter(organizer, chapter);
		this.apis.notification()
			.post()
			.uri((uri) -> uri.path("/api/notifications/inbox/read-all")
				.queryParamIfPresent("chapterId", chapterId)
				.build())
			.retrieve()
			.toBodilessEntity();
		return "redirect:" + inboxPath(chapterId);
	}

	private long unreadCount(Optional<String> chapterId) {
		UnreadCount count = this.apis.notification()
			.get()
			.uri((uri) -> uri.path("/api/notifications/inbox/unread-count")
				.queryParamIfPresent("chapterId", chapterId)
				.build())
			.retrieve()
			.body(UnreadCount.class);
		return (count != null) ? count.unread() : 0;
	}

	private static String inboxPath(Optional<String> chapterId) {
		return UriComponentsBuilder.fromPath("/console/inbox")
			.queryParamIfPresent(ChapterScope.PARAMETER, chapterId)
			.build()
			.toUriString();
	}

	private static String streamPath(Optional<String> chapterId) {
		return UriComponentsBuilder.fromPath("/console/inbox/stream")
			.queryParamIfPresent(ChapterScope.PARAMETER, chapterId)
			.build()
			.toUriString();
	}

	record UnreadCount(long unread) {
	}

}
