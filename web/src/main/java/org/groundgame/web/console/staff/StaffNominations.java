package org.groundgame.web.console.staff;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.groundgame.web.api.ApiProblem;
import org.groundgame.web.api.PageOf;
import org.groundgame.web.console.ConsoleApis;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * endorsement-service's nominations as national staff work on them, called with the
 * signed-in person's own token: the queue and its counts, one nomination with its audit
 * trail, and the commands of the review.
 */
@Component
class StaffNominations {

	static final int PAGE_SIZE = 20;

	private static final ParameterizedTypeReference<PageOf<Nomination>> NOMINATIONS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Map<String, Long>> COUNTS = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<PageOf<HistoryEntry>> ENTRIES = new ParameterizedTypeReference<>() {
	};

	private final ConsoleApis apis;

	StaffNominations(ConsoleApis apis) {
		this.apis = apis;
	}

	/** {@code GET /api/nominations?status=&state=&cycle=&level=&page=&size=}. */
	PageOf<Nomination> queue(QueueFilter filter, int page) {
		String uri = filter.query(UriComponentsBuilder.fromPath("/api/nominations"))
			.queryParamIfPresent("status", Optional.ofNullable(filter.status()))
			.queryParam("page", page)
			.queryParam("size", PAGE_SIZE)
			.build()
			.toUriString();
		return this.apis.endorsement().get().uri(uri).retrieve().body(NOMINATIONS);
	}

	/**
	 * {@code GET /api/nominations/counts?state=&cycle=&level=}: every status, in order.
	 */
	Map<String, Long> counts(QueueFilter filter) {
		String uri = filter.query(UriComponentsBuilder.fromPath("/api/nominations/counts")).build().toUriString();
		Map<String, Long> counts = this.apis.endorsement().get().uri(uri).retrieve().body(COUNTS);
		return (counts != null) ? counts : new LinkedHashMap<>();
	}

	/** {@code GET /api/nominations/{id}}. */
	Nomination nomination(String id) {
		return this.apis.endorsement().get().uri("/api/nominations/{id}", id).retrieve().body(Nomination.class);
	}

	/**
	 * The nomination's audit trail, oldest first
	 * ({@code GET /api/audit/endorsement-service/entries?resourceId=}).
	 */
	List<HistoryEntry> history(String id) {
		PageOf<HistoryEntry> entries = this.apis.endorsement()
			.get()
			.uri("/api/audit/endorsement-service/entries?resourceId={id}&size=100", id)
			.retrieve()
			.body(ENTRIES);
		return (entries != null) ? entries.content() : List.of();
	}

	/**
	 * The nominating chapter's name, from volunteer-service's directory ({@code GET
	 * /api/chapters/{id}}); its id when the directory no longer has it.
	 */
	String chapterName(String chapterId) {
		try {
			Chapter chapter = this.apis.volunteer()
				.get()
				.uri("/api/chapters/{id}", chapterId)
				.retrieve()
				.body(Chapter.class);
			return (chapter != null && chapter.name() != null) ? chapter.name() : chapterId;
		}
		catch (ApiProblem problem) {
			if (problem.isNotFound()) {
				return chapterId;
			}
			throw problem;
		}
	}

	record Chapter(String id, String name) {
	}

	/** {@code POST /api/nominations/{id}/<command>} (or {@code PUT}) with a JSON body. */
	void command(String id, Command command, Map<String, Object> body) {
		var request = command.put ? this.apis.endorsement().put() : this.apis.endorsement().post();
		request.uri("/api/nominations/{id}/" + command.path, id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toBodilessEntity();
	}

	/** The review's commands, as endorsement-service names them. */
	enum Command {

		REVIEW("review", false), HOLD("hold", false), RESUME("resume", false), RESEARCH("research", true),
		RECOMMENDATION("recommendation", true), DECISION("decision", false), QUESTIONNAIRE("questionnaire", false);

		private final String path;

		private final boolean put;

		Command(String path, boolean put) {
			this.path = path;
			this.put = put;
		}

		String path() {
			return this.path;
		}

	}

	/**
	 * The queue's filters besides the status; blank is any.
	 *
	 * @param status a nomination status, or {@code null} for all
	 * @param state a state's two-letter code
	 * @param cycle an election year
	 * @param level {@code FEDERAL}, {@code STATE} or {@code LOCAL}
	 */
	public record QueueFilter(String status, String state, Integer cycle, String level) {

		public QueueFilter {
			status = blankIsNull(status);
			state = blankIsNull(state);
			level = blankIsNull(level);
		}

		private static String blankIsNull(String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

		/**
		 * Whether every filter given has the form of what it names (a status or level by
		 * its name, a state by its two letters): only such values go into an API's
		 * address.
		 */
		public boolean isWellFormed() {
			return StaffPages.isName(this.status) && StaffPages.isName(this.level) && StaffPages.isState(this.state);
		}

		UriComponentsBuilder query(UriComponentsBuilder uri) {
			return uri.queryParamIfPresent("state", Optional.ofNullable(this.state))
				.queryParamIfPresent("cycle", Optional.ofNullable(this.cycle))
				.queryParamIfPresent("level", Optional.ofNullable(this.level));
		}

		/** The queue's address with these filters and another status (or none). */
		public String link(String otherStatus) {
			return query(UriComponentsBuilder.fromPath("/console/nominations"))
				.queryParamIfPresent("status", Optional.ofNullable(otherStatus))
				.encode()
				.build()
				.toUriString();
		}

		/**
		 * The queue's address with these filters, for the pager (which adds the page).
		 */
		public String base() {
			return link(this.status);
		}

	}

	/**
	 * One entry of the audit trail: when, what and who ({@code actor.subject}: a person's
	 * user name, or {@code system}).
	 */
	public record HistoryEntry(long sequence, Instant at, String action, Actor actor) {

		/**
		 * What happened, as a key of the console's bundle:
		 * {@code NominationReviewStarted} for an event
		 * ({@code org.groundgame.endorsement.NominationReviewStarted.v1}), the request's
		 * last path segment ({@code hold}) for a change made without one.
		 */
		public String what() {
			String action = (this.action != null) ? this.action : "";
			if (action.contains(" ")) {
				return action.substring(action.lastIndexOf('/') + 1);
			}
			String[] parts = action.split("\\.");
			return (parts.length >= 2) ? parts[parts.length - 2] : action;
		}

		/** Whether the entry is a request (not an event). */
		public boolean isRequest() {
			return this.action != null && this.action.contains(" ");
		}

		public String who() {
			return (this.actor != null && this.actor.subject() != null) ? this.actor.subject() : "";
		}

		public record Actor(String subject, String role) {
		}

	}

}
