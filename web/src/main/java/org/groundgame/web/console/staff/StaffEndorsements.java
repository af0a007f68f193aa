package org.groundgame.web.console.staff;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.groundgame.web.api.PageOf;
import org.groundgame.web.console.ConsoleApis;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * endorsement-service's endorsements as national staff keep them, with the signed-in
 * person's token: the list (active or rescinded), one endorsement, and rescinding one,
 * recording the outcome of a stage or announcing a victory.
 */
@Component
class StaffEndorsements {

	static final int PAGE_SIZE = 20;

	private static final ParameterizedTypeReference<PageOf<Endorsement>> ENDORSEMENTS = new ParameterizedTypeReference<>() {
	};

	private final ConsoleApis apis;

	StaffEndorsements(ConsoleApis apis) {
		this.apis = apis;
	}

	/** {@code GET /api/endorsements?status=&state=&level=&cycle=&page=&size=}. */
	PageOf<Endorsement> endorsements(Filter filter, int page) {
		String uri = filter.query(UriComponentsBuilder.fromPath("/api/endorsements"))
			.queryParam("page", page)
			.queryParam("size", PAGE_SIZE)
			.build()
			.toUriString();
		return this.apis.endorsement().get().uri(uri).retrieve().body(ENDORSEMENTS);
	}

	/** {@code GET /api/endorsements/{id}}. */
	Endorsement endorsement(String id) {
		return this.apis.endorsement().get().uri("/api/endorsements/{id}", id).retrieve().body(Endorsement.class);
	}

	/** {@code POST /api/endorsements/{id}/rescind} {@code {"reason"}}. */
	void rescind(String id, String reason) {
		post(id, "rescind", Map.of("reason", reason));
	}

	/**
	 * {@code POST /api/endorsements/{id}/announcement} {@code {"headline","message"}}.
	 */
	void announceVictory(String id, Map<String, Object> body) {
		post(id, "announcement", body);
	}

	/** {@code POST /api/endorsements/{id}/outcome} {@code {"result","stage"}}. */
	void recordOutcome(String id, Map<String, Object> body) {
		post(id, "outcome", body);
	}

	private void post(String id, String command, Map<String, Object> body) {
		this.apis.endorsement()
			.post()
			.uri("/api/endorsements/{id}/" + command, id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toBodilessEntity();
	}

	/**
	 * The list's filters; blank is any.
	 *
	 * @param status {@code ACTIVE} (the default) or {@code RESCINDED}
	 */
	public record Filter(String status, String state, String level, Integer cycle) {

		public Filter {
			status = ("RESCINDED".equals(status)) ? status : "ACTIVE";
			state = (state == null || state.isBlank()) ? null : state.strip().toUpperCase(Locale.ROOT);
			level = (level == null || level.isBlank()) ? null : level.strip();
		}

		/**
		 * Whether the state and level given have the form of one (see
		 * {@code QueueFilter}).
		 */
		public boolean isWellFormed() {
			return StaffPages.isName(this.level) && StaffPages.isState(this.state);
		}

		UriComponentsBuilder query(UriComponentsBuilder uri) {
			return uri.queryParam("status", this.status)
				.queryParamIfPresent("state", Optional.ofNullable(this.state))
				.queryParamIfPresent("level", Optional.ofNullable(this.level))
				.queryParamIfPresent("cycle", Optional.ofNullable(this.cycle));
		}

		/** The list's address with these filters, for the pager (which adds the page). */
		public String base() {
			return query(UriComponentsBuilder.fromPath("/console/endorsements")).build().toUriString();
		}

	}

}
