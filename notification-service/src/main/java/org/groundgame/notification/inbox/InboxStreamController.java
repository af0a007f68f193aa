package org.groundgame.notification.inbox;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.groundgame.security.Caller;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /api/notifications/stream}: an inbox as Server-Sent Events, for the same callers
 * as the inbox itself. Each event is {@code id:} the entry's id,
 * {@code event: notification} and {@code data:} the entry as in a page of the inbox.
 */
@Tag(name = "Inbox", description = "A chapter's or staff's in-app inbox: entries, unread counts, read marks")
@RestController
class InboxStreamController {

	static final URI TOO_MANY_STREAMS = URI.create("urn:groundgame:problem:too-many-requests");

	private final InboxStreams streams;

	InboxStreamController(InboxStreams streams) {
		this.streams = streams;
	}

	/**
	 * The stream of an inbox (whose: as for {@code GET /api/notifications/inbox}). A
	 * client that reconnects with {@code Last-Event-ID} (or {@code lastEventId}, for
	 * EventSource polyfills that cannot set headers) first gets the entries delivered
	 * after that one, oldest first.
	 */
	@Operation(summary = "Stream new inbox entries as server-sent events")
	@GetMapping(path = "/api/notifications/stream")
	SseEmitter stream(@Parameter(hidden = true) Caller caller, @RequestParam(required = false) String chapterId,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
			@RequestParam(required = false) String lastEventId) {
		return this.streams.open(Inbox.recipientToRead(caller, chapterId),
				(lastEventIdHeader != null) ? lastEventIdHeader : lastEventId);
	}

	@ExceptionHandler(TooManyStreamsException.class)
	ResponseEntity<ProblemDetail> tooManyStreams(TooManyStreamsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
		problem.setType(TOO_MANY_STREAMS);
		problem.setTitle("Too many requests");
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, "30")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
